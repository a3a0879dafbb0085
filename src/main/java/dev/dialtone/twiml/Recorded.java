package dev.dialtone.twiml;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one {@code <Record>} records of the callee and when it is over (twiml-behavior.md §5): the
 * callee speaks for {@code speaking}, then the recording ends on a finish key the callee presses,
 * after {@code timeout} of silence, or at {@code maxLength}.
 *
 * @param lasts from the Record's start until it is over
 * @param seconds the recording's duration as the action hears it
 * @param parameters what the action request adds (RecordingDuration, Digits; the lifecycle adds the
 *     recording's sid and URL)
 */
record Recorded(Duration lasts, int seconds, List<Map.Entry<String, String>> parameters) {

    static Recorded of(Verb record, Callee.Answer answer, Duration speaking) {
        String finishOnKey = record.rawAttribute("finishOnKey");
        String keys = finishOnKey == null ? "1234567890*#" : finishOnKey.trim();
        Duration timeout = Duration.ofSeconds(whole(record.attribute("timeout", "5"), 5, 0));
        Duration maxLength =
                Duration.ofSeconds(whole(record.attribute("maxLength", "3600"), 3600, 1));
        boolean trim = !"do-not-trim".equals(record.attribute("trim", "trim-silence"));
        String pressed =
                answer.digits() != null && keys.indexOf(answer.digits().charAt(0)) >= 0
                        ? answer.digits().substring(0, 1)
                        : "";
        Duration spoken = speaking.compareTo(maxLength) > 0 ? maxLength : speaking;
        Duration lasts;
        if (spoken.equals(maxLength)) {
            lasts = maxLength;
        } else if (!pressed.isEmpty()) {
            lasts = spoken;
        } else if (timeout.isZero()) {
            lasts = maxLength;
        } else {
            Duration silent = spoken.plus(timeout);
            lasts = silent.compareTo(maxLength) > 0 ? maxLength : silent;
        }
        int seconds = (int) (trim ? spoken : lasts).toSeconds();
        return new Recorded(
                lasts,
                seconds,
                List.of(
                        Map.entry("RecordingDuration", Integer.toString(seconds)),
                        Map.entry("Digits", pressed)));
    }

    private static int whole(String value, int fallback, int min) {
        try {
            int n = Integer.parseInt(value.trim());
            return n < min ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
