package dev.dialtone.lifecycle;

import java.time.Duration;

/**
 * How one call will go: its outcome and timings, from the first scenario rule that matches its
 * number.
 */
record CallScript(
        SimulationProperties.Outcome outcome,
        Integer sipResponseCode,
        Duration ringTime,
        Duration talkTime,
        String answeredBy) {

    static CallScript forNumber(String to, SimulationProperties simulation) {
        for (SimulationProperties.Scenario rule : simulation.scenarios()) {
            if (rule.matches(to)) {
                return new CallScript(
                        rule.outcome() == null
                                ? SimulationProperties.Outcome.COMPLETED
                                : rule.outcome(),
                        rule.sipResponseCode(),
                        simulation.scaled(
                                rule.ringTime() == null ? simulation.ringTime() : rule.ringTime()),
                        simulation.scaled(
                                rule.talkTime() == null ? simulation.talkTime() : rule.talkTime()),
                        rule.answeredBy() == null ? "human" : rule.answeredBy());
            }
        }
        return new CallScript(
                SimulationProperties.Outcome.COMPLETED,
                null,
                simulation.scaled(simulation.ringTime()),
                simulation.scaled(simulation.talkTime()),
                "human");
    }

    /** The SIP code Twilio reports for an ending, unless the rule names one. */
    int sipCode(int usual) {
        return sipResponseCode == null ? usual : sipResponseCode;
    }
}
