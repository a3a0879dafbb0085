package dev.dialtone.twiml;

import dev.dialtone.web.WebhookMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plays a document's verbs in order, adding up how long each lasts, until one ends the call or
 * hands it to another document.
 */
public final class TwimlInterpreter {
    private TwimlInterpreter() {}

    /** As long as a URL the API takes. */
    static final int MAX_URL_LENGTH = 4000;

    /**
     * @param documentUrl where the document came from, to resolve a relative {@code <Redirect>};
     *     null for inline TwiML
     */
    public static TwimlPlan plan(List<Verb> verbs, String documentUrl, VerbTimings timings)
            throws TwimlParser.UnparseableTwiml {
        Duration elapsed = Duration.ZERO;
        List<String> notes = new ArrayList<>();
        for (Verb verb : verbs) {
            switch (verb.name()) {
                case "Say" ->
                        elapsed =
                                elapsed.plus(
                                        timings.sayPerCharacter()
                                                .multipliedBy(
                                                        Math.max(1, verb.text().length())
                                                                * (long) loops(verb)));
                case "Play" -> elapsed = elapsed.plus(timings.play().multipliedBy(loops(verb)));
                case "Pause" ->
                        elapsed = elapsed.plusSeconds(integer(verb.attribute("length", "1"), 1));
                case "Hangup" -> {
                    return new TwimlPlan(elapsed, TwimlPlan.Ending.HANG_UP, null, null, notes);
                }
                case "Reject" -> {
                    TwimlPlan.Ending ending =
                            "busy".equals(verb.attribute("reason", "rejected"))
                                    ? TwimlPlan.Ending.REJECT_BUSY
                                    : TwimlPlan.Ending.REJECT_NO_ANSWER;
                    return new TwimlPlan(elapsed, ending, null, null, notes);
                }
                case "Redirect" -> {
                    String target = resolve(documentUrl, verb.text());
                    WebhookMethod method =
                            "GET".equalsIgnoreCase(verb.attribute("method", "POST"))
                                    ? WebhookMethod.GET
                                    : WebhookMethod.POST;
                    return new TwimlPlan(elapsed, TwimlPlan.Ending.REDIRECT, target, method, notes);
                }
                case "Dial",
                        "Gather",
                        "Record",
                        "Enqueue",
                        "Leave",
                        "Connect",
                        "Pay",
                        "Refer",
                        "Start",
                        "Stop",
                        "Prompt" -> {
                    notes.add(
                            "<"
                                    + verb.name()
                                    + "> is not simulated yet; it lasts "
                                    + timings.unsimulated().toMillis()
                                    + " ms");
                    elapsed = elapsed.plus(timings.unsimulated());
                }
                default -> notes.add("<" + verb.name() + "> is not a TwiML voice verb; skipped");
            }
        }
        return new TwimlPlan(elapsed, TwimlPlan.Ending.HANG_UP, null, null, notes);
    }

    /** {@code loop="0"} repeats forever; the talk time ends it, so count it as many. */
    private static int loops(Verb verb) {
        int loop = integer(verb.attribute("loop", "1"), 1);
        return loop <= 0 ? 1000 : Math.min(loop, 1000);
    }

    private static int integer(String value, int fallback) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String resolve(String base, String target) throws TwimlParser.UnparseableTwiml {
        try {
            URI uri =
                    base == null
                            ? URI.create(target.trim())
                            : URI.create(base).resolve(target.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new TwimlParser.UnparseableTwiml(
                        11100, "Redirect needs an absolute http(s) URL: " + target);
            }
            String url = uri.toString();
            if (url.length() > MAX_URL_LENGTH) {
                throw new TwimlParser.UnparseableTwiml(
                        11100, "Redirect URL is longer than " + MAX_URL_LENGTH + " characters");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new TwimlParser.UnparseableTwiml(11100, "Redirect URL is not valid: " + target);
        }
    }
}
