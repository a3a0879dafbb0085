package dev.dialtone.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How calls behave over time ({@code dialtone.simulation}). Every duration is divided by {@code
 * speed}, so {@code speed: 100} runs a whole call a hundred times faster.
 *
 * @param queueDelay time from create until dialing starts
 * @param ringTime time a call rings before it is answered
 * @param talkTime time until the callee hangs up, unless TwiML ends the call sooner
 * @param sayTimePerCharacter how long {@code <Say>} speaks each character
 * @param playTime how long one loop of {@code <Play>} lasts
 * @param unsimulatedVerbTime how long a verb Dialtone does not simulate yet (Dial, Gather, Record)
 *     lasts
 * @param pricePerMinute the price of a started minute, charged (negative) to completed calls
 * @param sweepInterval how often overdue calls are looked for (after a restart, or on other
 *     instances)
 * @param twimlLease how long a TwiML fetch may run before another attempt may take over the call
 * @param machineDetectionTime how long answering-machine detection takes, unless a scenario says
 * @param recordTime how long a callee speaks into a {@code <Record>}, unless a scenario says
 * @param scenarios rules on the called number that choose the outcome and timings
 * @param enabled false for an instance that serves the API only and leaves advancing calls to
 *     others
 */
@ConfigurationProperties("dialtone.simulation")
public record SimulationProperties(
        @DefaultValue("1s") Duration queueDelay,
        @DefaultValue("3s") Duration ringTime,
        @DefaultValue("10s") Duration talkTime,
        @DefaultValue("1") double speed,
        @DefaultValue("60ms") Duration sayTimePerCharacter,
        @DefaultValue("3s") Duration playTime,
        @DefaultValue("5s") Duration unsimulatedVerbTime,
        @DefaultValue("0.0140") BigDecimal pricePerMinute,
        @DefaultValue("500ms") Duration sweepInterval,
        @DefaultValue("45s") Duration twimlLease,
        @DefaultValue("3s") Duration machineDetectionTime,
        @DefaultValue("3s") Duration recordTime,
        List<Scenario> scenarios,
        @DefaultValue("true") boolean enabled) {

    public SimulationProperties {
        if (!(speed > 0)) {
            throw new IllegalArgumentException(
                    "dialtone.simulation.speed must be positive, was " + speed);
        }
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /**
     * Longer than any call may last; what TwiML asks beyond it is cut to it, so no arithmetic
     * overflows.
     */
    static final Duration LONGEST = Duration.ofDays(36_500);

    /** A configured duration at the configured speed. */
    public Duration scaled(Duration duration) {
        Duration bounded = duration.compareTo(LONGEST) > 0 ? LONGEST : duration;
        // A double too large for a long converts to Long.MAX_VALUE nanoseconds (292
        // years), never an error.
        return speed == 1 ? bounded : Duration.ofNanos((long) (bounded.toNanos() / speed));
    }

    /** How a call ends when it is not canceled or hung up first. */
    public enum Outcome {
        COMPLETED,
        BUSY,
        NO_ANSWER,
        FAILED
    }

    /**
     * A rule: calls to {@code to} (exact) or matching {@code toPattern} (a regular expression) end
     * with {@code outcome}; unset timings fall back to the defaults.
     *
     * @param digits the keys the callee presses at the call's 1st, 2nd, … {@code <Gather>}; an
     *     empty entry, or none left, is silence
     * @param speech what the callee says at each Gather, likewise
     * @param inputDelay how long after a Gather's prompt starts the callee answers; unset, the
     *     callee hears the prompt out and answers at once
     * @param recordTime how long the callee speaks into a {@code <Record>} (kept for the recordings
     *     still to come; no effect yet)
     * @param machineDetectionTime how long answering-machine detection takes (kept likewise)
     */
    public record Scenario(
            String to,
            String toPattern,
            String from,
            String fromPattern,
            @DefaultValue("COMPLETED") Outcome outcome,
            Integer sipResponseCode,
            Duration ringTime,
            Duration talkTime,
            String answeredBy,
            List<String> digits,
            List<String> speech,
            Duration inputDelay,
            Duration recordTime,
            Duration machineDetectionTime) {

        public Scenario {
            digits = digits == null ? List.of() : List.copyOf(digits);
            speech = speech == null ? List.of() : List.copyOf(speech);
        }

        /**
         * Whether the rule is about a call from {@code caller} to {@code called}: each side it
         * names (To or ToPattern, From or FromPattern) must match, and it names at least one.
         */
        boolean matches(String called, String caller) {
            boolean byTo = to != null || toPattern != null;
            boolean byFrom = from != null || fromPattern != null;
            return (byTo || byFrom)
                    && (!byTo || number(to, toPattern, called))
                    && (!byFrom || number(from, fromPattern, caller));
        }

        private static boolean number(String exact, String pattern, String value) {
            return value != null
                    && ((exact != null && exact.equals(value))
                            || (pattern != null && Pattern.matches(pattern, value)));
        }
    }
}
