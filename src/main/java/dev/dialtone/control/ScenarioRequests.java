package dev.dialtone.control;

import dev.dialtone.calls.Call;
import dev.dialtone.lifecycle.SimulationProperties;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.convert.DurationStyle;

/** {@code POST /dialtone/scenarios}: a callee rule in Twilio's form style, read and checked. */
final class ScenarioRequests {
    private ScenarioRequests() {}

    /** The AnsweredBy values Twilio gives. */
    static final Set<String> ANSWERED_BY =
            Set.of(
                    "human",
                    "machine_start",
                    "machine_end_beep",
                    "machine_end_silence",
                    "machine_end_other",
                    "fax",
                    "unknown");

    private static final Duration LONGEST = Duration.ofDays(1);
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{0,64}");

    static SimulationProperties.Scenario scenario(Map<String, List<String>> form) {
        String to = number(form, "To");
        String pattern = pattern(form, "ToPattern");
        String from = number(form, "From");
        String fromPattern = pattern(form, "FromPattern");
        if ((to != null && pattern != null) || (from != null && fromPattern != null)) {
            throw invalid("Give at most one of To and ToPattern, and of From and FromPattern");
        }
        if (to == null && pattern == null && from == null && fromPattern == null) {
            throw invalid("Give To or ToPattern, or From or FromPattern");
        }
        String answeredBy = first(form, "AnsweredBy");
        if (answeredBy != null && !ANSWERED_BY.contains(answeredBy)) {
            throw invalid("AnsweredBy must be one of " + String.join(", ", ANSWERED_BY));
        }
        List<String> digits = all(form, "Digits");
        for (String keys : digits) {
            if (!KEYS.matcher(keys).matches()) {
                throw invalid("Digits are up to 64 of 0-9, * and #, was: " + keys);
            }
        }
        List<String> speech = all(form, "Speech");
        for (String words : speech) {
            if (words.length() > 500 || words.chars().anyMatch(Character::isISOControl)) {
                throw invalid("Speech is up to 500 characters of text");
            }
        }
        return new SimulationProperties.Scenario(
                to,
                pattern,
                from,
                fromPattern,
                outcome(first(form, "Outcome")),
                sipCode(first(form, "SipResponseCode")),
                duration(form, "RingTime"),
                duration(form, "TalkTime"),
                answeredBy,
                digits,
                speech,
                duration(form, "InputDelay"),
                duration(form, "RecordTime"),
                duration(form, "MachineDetectionTime"));
    }

    /** A number a rule names, as calls name them: E.164, {@code client:} or {@code sip:}. */
    private static String number(Map<String, List<String>> form, String name) {
        String value = first(form, name);
        if (value != null && !Call.isEndpoint(value)) {
            throw invalid(
                    name
                            + " must be a phone number in E.164, a client: or a sip: address, was: "
                            + value);
        }
        return value;
    }

    private static String pattern(Map<String, List<String>> form, String name) {
        String value = first(form, name);
        if (value != null) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw invalid(name + " is not a regular expression: " + e.getDescription());
            }
        }
        return value;
    }

    /** A duration as the configuration writes it ({@code 200ms}, {@code 3s}), as it reads back. */
    static String format(Duration duration) {
        if (duration == null) {
            return null;
        }
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** An outcome as the form writes it: {@code no-answer} for NO_ANSWER. */
    static String format(SimulationProperties.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static SimulationProperties.Outcome outcome(String text) {
        if (text == null) {
            return SimulationProperties.Outcome.COMPLETED;
        }
        for (SimulationProperties.Outcome outcome : SimulationProperties.Outcome.values()) {
            if (format(outcome).equals(text)) {
                return outcome;
            }
        }
        throw invalid("Outcome must be one of completed, busy, no-answer, failed");
    }

    private static Integer sipCode(String text) {
        if (text == null) {
            return null;
        }
        try {
            int code = Integer.parseInt(text);
            if (code >= 100 && code <= 699) {
                return code;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("SipResponseCode must be a number between 100 and 699");
    }

    static Duration duration(Map<String, List<String>> form, String name) {
        String text = first(form, name);
        if (text == null) {
            return null;
        }
        Duration duration;
        try {
            duration = DurationStyle.SIMPLE.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(name + " must be a duration such as 200ms or 3s, was: " + text);
        }
        if (duration.isNegative() || duration.compareTo(LONGEST) > 0) {
            throw invalid(name + " must be between 0s and 1d");
        }
        return duration;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    private static TwilioException invalid(String message) {
        return TwilioException.badRequest(TwilioErrorCodes.INVALID_PARAMETER, message);
    }
}
