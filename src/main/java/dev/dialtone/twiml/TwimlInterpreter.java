package dev.dialtone.twiml;

import dev.dialtone.web.WebhookMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays a document's verbs in order, adding up how long each lasts, until one ends the call or
 * hands it to another document.
 */
public final class TwimlInterpreter {
    private TwimlInterpreter() {}

    /** As long as a URL the API takes. */
    static final int MAX_URL_LENGTH = 4000;

    /**
     * @param documentUrl where the document came from, to resolve relative URLs; null for inline
     *     TwiML
     * @param callee who answers the document's {@code <Gather>}s
     * @param gathersBefore how many Gathers the call ran before this document
     */
    public static TwimlPlan plan(
            List<Verb> verbs,
            String documentUrl,
            VerbTimings timings,
            Callee callee,
            int gathersBefore)
            throws TwimlParser.UnparseableTwiml {
        return plan(verbs, 0, documentUrl, timings, callee, gathersBefore);
    }

    /** The same from the verb at {@code from} on: where a call goes on after a Dial. */
    public static TwimlPlan plan(
            List<Verb> verbs,
            int from,
            String documentUrl,
            VerbTimings timings,
            Callee callee,
            int gathersBefore)
            throws TwimlParser.UnparseableTwiml {
        List<TwimlPlan.Step> steps = new ArrayList<>();
        return planVerbs(verbs, from, documentUrl, timings, callee, gathersBefore, steps)
                .withSteps(steps);
    }

    private static TwimlPlan planVerbs(
            List<Verb> verbs,
            int from,
            String documentUrl,
            VerbTimings timings,
            Callee callee,
            int gathersBefore,
            List<TwimlPlan.Step> steps)
            throws TwimlParser.UnparseableTwiml {
        Duration elapsed = Duration.ZERO;
        List<String> notes = new ArrayList<>();
        int gathers = 0;
        for (int position = from; position < verbs.size(); position++) {
            Verb verb = verbs.get(position);
            steps.add(step(verb, position, elapsed));
            switch (verb.name()) {
                case "Say", "Play", "Pause" -> elapsed = elapsed.plus(lasts(verb, timings));
                case "Hangup" -> {
                    return new TwimlPlan(
                            elapsed,
                            TwimlPlan.Ending.HANG_UP,
                            null,
                            null,
                            notes,
                            List.of(),
                            gathers);
                }
                case "Reject" -> {
                    TwimlPlan.Ending ending =
                            "busy".equals(verb.attribute("reason", "rejected"))
                                    ? TwimlPlan.Ending.REJECT_BUSY
                                    : TwimlPlan.Ending.REJECT_NO_ANSWER;
                    return new TwimlPlan(elapsed, ending, null, null, notes, List.of(), gathers);
                }
                case "Redirect" -> {
                    return new TwimlPlan(
                            elapsed,
                            TwimlPlan.Ending.REDIRECT,
                            resolve(documentUrl, verb.text(), "Redirect"),
                            method(verb),
                            notes,
                            List.of(),
                            gathers);
                }
                case "Gather" -> {
                    Gathering gathering =
                            Gathering.of(
                                    verb,
                                    prompts(verb, timings, notes),
                                    callee.answer(gathersBefore + gathers));
                    if (!gathering.heard()) {
                        // The script says nothing here: the call listens, and input may still
                        // come live; what happens when nobody speaks is heardNothing's to say.
                        // This Gather is counted once the call listens at it.
                        return TwimlPlan.listen(
                                elapsed, position, gathering.lasts(), notes, gathers);
                    }
                    gathers++;
                    return actionRequest(
                            elapsed.plus(gathering.lasts()),
                            verb,
                            documentUrl,
                            notes,
                            gathering.parameters(),
                            gathers);
                }
                case "Dial" -> {
                    if (!Dialing.of(verbs, position, documentUrl).legs().isEmpty()) {
                        return TwimlPlan.dial(elapsed, position, notes, gathers);
                    }
                    notes.add("<Dial> with nothing Dialtone can ring is skipped");
                }
                case "Record" -> {
                    // Like a Gather, the Record counts the callee's answer once it starts.
                    Recorded recorded =
                            Recorded.of(
                                    verb,
                                    callee.answer(gathersBefore + gathers),
                                    callee.speaking());
                    return TwimlPlan.record(
                            elapsed,
                            position,
                            recorded,
                            action(verb, documentUrl),
                            method(verb),
                            notes,
                            gathers);
                }
                case "Enqueue", "Leave", "Connect", "Pay", "Refer", "Start", "Stop", "Prompt" -> {
                    notes.add(
                            "<"
                                    + verb.name()
                                    + "> is not simulated yet; it lasts "
                                    + timings.unsimulated().toMillis()
                                    + " ms");
                    elapsed = elapsed.plus(timings.unsimulated());
                }
                default ->
                        notes.add(
                                TwimlPlan.WARNING_UNKNOWN_VERB
                                        + ": <"
                                        + verb.name()
                                        + "> is not a TwiML voice verb; skipped");
            }
        }
        return new TwimlPlan(elapsed, TwimlPlan.Ending.DONE, null, null, notes, List.of(), gathers);
    }

    /**
     * The {@code <Gather>} at {@code position} heard nothing: with {@code actionOnEmptyResult} its
     * action is requested without input (a plan ending in that request); otherwise null, and the
     * call goes on with the next verb.
     */
    public static TwimlPlan heardNothing(List<Verb> verbs, int position, String documentUrl)
            throws TwimlParser.UnparseableTwiml {
        Verb gather = verbs.get(position);
        if (!"true".equalsIgnoreCase(gather.attribute("actionOnEmptyResult", ""))) {
            return null;
        }
        return actionRequest(Duration.ZERO, gather, documentUrl, List.of(), List.of(), 0);
    }

    /**
     * What the {@code <Gather>} at {@code position} hears from input given live: a plan ending in
     * the action's request, or null when the Gather does not listen for that kind of input.
     */
    public static TwimlPlan heardLive(
            List<Verb> verbs, int position, String documentUrl, Callee.Answer input)
            throws TwimlParser.UnparseableTwiml {
        Verb gather = verbs.get(position);
        Gathering gathering = Gathering.of(gather, Duration.ZERO, input);
        if (!gathering.heard()) {
            return null;
        }
        return actionRequest(
                Duration.ZERO, gather, documentUrl, List.of(), gathering.parameters(), 0);
    }

    /** A plan that ends by requesting a Gather's action with what it heard. */
    private static TwimlPlan actionRequest(
            Duration elapsed,
            Verb gather,
            String documentUrl,
            List<String> notes,
            List<Map.Entry<String, String>> parameters,
            int gathers)
            throws TwimlParser.UnparseableTwiml {
        return new TwimlPlan(
                elapsed,
                TwimlPlan.Ending.REDIRECT,
                action(gather, documentUrl),
                method(gather),
                notes,
                parameters,
                gathers);
    }

    /**
     * How a document refuses a call it would otherwise answer: a {@code <Reject>} as its first verb
     * ({@link TwimlPlan.Ending#REJECT_BUSY} with reason busy, else {@link
     * TwimlPlan.Ending#REJECT_NO_ANSWER}); null when it answers.
     */
    public static TwimlPlan.Ending rejection(List<Verb> verbs) {
        if (verbs.isEmpty() || !verbs.get(0).name().equals("Reject")) {
            return null;
        }
        return "busy".equals(verbs.get(0).attribute("reason", "rejected"))
                ? TwimlPlan.Ending.REJECT_BUSY
                : TwimlPlan.Ending.REJECT_NO_ANSWER;
    }

    /** Whether the verb at {@code position} is a {@code <Gather>}. */
    public static boolean isGather(List<Verb> verbs, int position) {
        return position >= 0
                && position < verbs.size()
                && verbs.get(position).name().equals("Gather");
    }

    /** The verb as the timeline shows it starting. */
    private static TwimlPlan.Step step(Verb verb, int position, Duration at) {
        String digits = verb.name().equals("Play") ? verb.attributes().get("digits") : null;
        String detail =
                switch (verb.name()) {
                    case "Say" -> excerpt(verb.text().trim());
                    case "Play" ->
                            digits != null ? "digits " + digits : excerpt(verb.text().trim());
                    case "Pause" -> verb.attribute("length", "1") + " s";
                    case "Redirect" -> excerpt(verb.text().trim());
                    default -> null;
                };
        return new TwimlPlan.Step(at, position, verb.name(), detail, digits);
    }

    private static String excerpt(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    /**
     * How long a {@code <Play digits>} takes: 200 ms a tone (100 ms of tone, 100 ms of gap), and
     * the pauses {@code w} (0.5 s) and {@code W} (1 s) as twiml-behavior.md gives them.
     */
    static Duration tones(String digits) {
        long millis = 0;
        for (char c : digits.toCharArray()) {
            millis += c == 'w' ? 500 : c == 'W' ? 1000 : 200;
        }
        return Duration.ofMillis(millis);
    }

    /** How long a {@code <Say>}, {@code <Play>} or {@code <Pause>} takes. */
    private static Duration lasts(Verb verb, VerbTimings timings) {
        return switch (verb.name()) {
            case "Say" ->
                    timings.sayPerCharacter()
                            .multipliedBy(Math.max(1, verb.text().length()) * (long) loops(verb));
            case "Play" ->
                    verb.attributes().get("digits") != null && verb.text().isBlank()
                            ? tones(verb.attributes().get("digits"))
                            : timings.play().multipliedBy(loops(verb));
            default -> Duration.ofSeconds(integer(verb.attribute("length", "1"), 1));
        };
    }

    /** A Gather's nested prompts; other nested verbs are not allowed there (13320). */
    private static Duration prompts(Verb gather, VerbTimings timings, List<String> notes) {
        Duration prompts = Duration.ZERO;
        for (Verb nested : gather.children()) {
            switch (nested.name()) {
                case "Say", "Play", "Pause" -> prompts = prompts.plus(lasts(nested, timings));
                default ->
                        notes.add(
                                "13320: <"
                                        + nested.name()
                                        + "> cannot be nested in <Gather>; skipped");
            }
        }
        return prompts;
    }

    /** A Gather's or Record's action: its own, or the document it is in, requested again. */
    private static String action(Verb verb, String documentUrl)
            throws TwimlParser.UnparseableTwiml {
        String action = verb.attribute("action", "");
        if (!action.isEmpty()) {
            return resolve(documentUrl, action, verb.name() + " action");
        }
        if (documentUrl == null) {
            throw new TwimlParser.UnparseableTwiml(
                    11100, verb.name() + " in inline TwiML needs an absolute action URL");
        }
        return documentUrl;
    }

    private static WebhookMethod method(Verb verb) {
        return method(verb, "method");
    }

    static WebhookMethod method(Verb verb, String attribute) {
        return "GET".equalsIgnoreCase(verb.attribute(attribute, "POST"))
                ? WebhookMethod.GET
                : WebhookMethod.POST;
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

    static String resolve(String base, String target, String what)
            throws TwimlParser.UnparseableTwiml {
        try {
            URI uri =
                    base == null
                            ? URI.create(target.trim())
                            : URI.create(base).resolve(target.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new TwimlParser.UnparseableTwiml(
                        11100, what + " needs an absolute http(s) URL: " + target);
            }
            String url = uri.toString();
            if (url.length() > MAX_URL_LENGTH) {
                throw new TwimlParser.UnparseableTwiml(
                        11100, what + " URL is longer than " + MAX_URL_LENGTH + " characters");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new TwimlParser.UnparseableTwiml(11100, what + " URL is not valid: " + target);
        }
    }
}
