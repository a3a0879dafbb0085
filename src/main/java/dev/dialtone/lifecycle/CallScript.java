package dev.dialtone.lifecycle;

import dev.dialtone.twiml.Callee;
import java.time.Duration;
import java.util.List;

/**
 * How one call will go: its outcome, timings and the callee's answers, from the scenario rule that
 * matched its number (or the defaults when none did).
 *
 * @param inputDelay unscaled, like every time in a TwiML plan; null means "once the prompt ends"
 * @param machineDetectionTime scaled: how long answering-machine detection takes
 * @param recordTime unscaled, like the plan it is part of: how long the callee speaks into a {@code
 *     <Record>}
 */
record CallScript(
        SimulationProperties.Outcome outcome,
        Integer sipResponseCode,
        Duration ringTime,
        Duration talkTime,
        String answeredBy,
        List<String> digits,
        List<String> speech,
        Duration inputDelay,
        Duration machineDetectionTime,
        Duration recordTime)
        implements Callee {

    CallScript(
            SimulationProperties.Outcome outcome,
            Integer sipResponseCode,
            Duration ringTime,
            Duration talkTime,
            String answeredBy) {
        this(
                outcome,
                sipResponseCode,
                ringTime,
                talkTime,
                answeredBy,
                List.of(),
                List.of(),
                null,
                Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    /** The call's script from {@code rule}, or the defaults when no rule matched (null). */
    static CallScript of(SimulationProperties.Scenario rule, SimulationProperties simulation) {
        if (rule == null) {
            return new CallScript(
                    SimulationProperties.Outcome.COMPLETED,
                    null,
                    simulation.scaled(simulation.ringTime()),
                    simulation.scaled(simulation.talkTime()),
                    "human",
                    List.of(),
                    List.of(),
                    null,
                    simulation.scaled(simulation.machineDetectionTime()),
                    simulation.recordTime());
        }
        return new CallScript(
                rule.outcome() == null ? SimulationProperties.Outcome.COMPLETED : rule.outcome(),
                rule.sipResponseCode(),
                simulation.scaled(
                        rule.ringTime() == null ? simulation.ringTime() : rule.ringTime()),
                simulation.scaled(
                        rule.talkTime() == null ? simulation.talkTime() : rule.talkTime()),
                rule.answeredBy() == null ? "human" : rule.answeredBy(),
                rule.digits(),
                rule.speech(),
                rule.inputDelay(),
                simulation.scaled(
                        rule.machineDetectionTime() == null
                                ? simulation.machineDetectionTime()
                                : rule.machineDetectionTime()),
                rule.recordTime() == null ? simulation.recordTime() : rule.recordTime());
    }

    /** The SIP code Twilio reports for an ending, unless the rule names one. */
    int sipCode(int usual) {
        return sipResponseCode == null ? usual : sipResponseCode;
    }

    @Override
    public Duration speaking() {
        return recordTime;
    }

    @Override
    public Answer answer(int index) {
        String keys = index < digits.size() ? digits.get(index) : null;
        String words = index < speech.size() ? speech.get(index) : null;
        return new Answer(
                keys == null || keys.isEmpty() ? null : keys,
                words == null || words.isBlank() ? null : words,
                inputDelay);
    }
}
