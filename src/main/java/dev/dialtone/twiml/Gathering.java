package dev.dialtone.twiml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code <Gather>} hears from the callee, and when it is over: the rules of
 * twiml-behavior.md §3 as one pure decision.
 *
 * @param lasts from the Gather's start until input ends or the wait for it does
 * @param heard whether there was input (the action is requested) or not (the call falls through)
 * @param parameters what the action request adds to the voice parameters
 */
record Gathering(Duration lasts, boolean heard, List<Map.Entry<String, String>> parameters) {

    /** Twilio's Confidence is a recogniser's score; a scripted callee is heard this clearly. */
    static final String CONFIDENCE = "0.9";

    /**
     * @param prompts how long the nested Say, Play and Pause take when nobody interrupts them
     */
    static Gathering of(Verb gather, Duration prompts, Callee.Answer answer) {
        String input = gather.attribute("input", "dtmf");
        boolean dtmf = input.contains("dtmf");
        boolean speech = input.contains("speech");
        Duration timeout = seconds(gather.attribute("timeout", "5"), 5);
        Duration waitEnds = prompts.plus(timeout);
        Duration at = answer.delay() == null ? prompts : answer.delay();
        boolean pressed = dtmf && answer.digits() != null && !answer.digits().isEmpty();
        boolean spoke = speech && answer.speech() != null && !answer.speech().isBlank();
        // An answer that comes after the wait has ended is never heard.
        if ((!pressed && !spoke) || at.compareTo(waitEnds) > 0) {
            return new Gathering(waitEnds, false, List.of());
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (pressed) {
            // Keys win when the callee does both: the first input type detected wins, and
            // a scripted callee presses before it speaks.
            String finishOnKey = gather.rawAttribute("finishOnKey");
            String finish = finishOnKey == null ? "#" : finishOnKey.trim();
            int numDigits = positive(gather.attribute("numDigits", "0"));
            String keys = answer.digits();
            String digits = keys;
            String finishedOn = "";
            Duration ends = at.plus(timeout);
            int cut = finish.isEmpty() ? -1 : keys.indexOf(finish.charAt(0));
            if (numDigits > 0 && (cut < 0 || cut >= numDigits) && keys.length() >= numDigits) {
                digits = keys.substring(0, numDigits);
                ends = at;
            } else if (cut >= 0) {
                digits = keys.substring(0, cut);
                finishedOn = finish.substring(0, 1);
                ends = at;
            }
            parameters.add(Map.entry("Digits", digits));
            parameters.add(Map.entry("FinishedOnKey", finishedOn));
            return new Gathering(ends, true, parameters);
        }
        String speechTimeout = gather.attribute("speechTimeout", "");
        Duration silence =
                speechTimeout.equals("auto")
                        ? Duration.ofSeconds(1)
                        : speechTimeout.isEmpty() ? timeout : seconds(speechTimeout, 5);
        parameters.add(Map.entry("SpeechResult", answer.speech().trim()));
        parameters.add(Map.entry("Confidence", CONFIDENCE));
        parameters.add(Map.entry("Language", gather.attribute("language", "en-US")));
        return new Gathering(at.plus(silence), true, parameters);
    }

    private static Duration seconds(String value, int fallback) {
        int n = positive(value);
        return Duration.ofSeconds(n > 0 ? n : fallback);
    }

    private static int positive(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
