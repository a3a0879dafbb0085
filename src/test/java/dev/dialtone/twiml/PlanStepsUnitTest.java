package dev.dialtone.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The verbs a plan starts, and when, for the call's timeline. */
class PlanStepsUnitTest {

    private static final VerbTimings TIMINGS =
            new VerbTimings(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(5));

    @Test
    void eachVerbStartsWhenTheOnesBeforeItAreDone() throws Exception {
        TwimlPlan plan =
                TwimlInterpreter.plan(
                        TwimlParser.parse(
                                "<Response><Say>Hello</Say><Play digits=\"12w3\"/>"
                                        + "<Pause length=\"2\"/><Hangup/><Say>unreached</Say>"
                                        + "</Response>"),
                        null,
                        TIMINGS,
                        Callee.SILENT,
                        0);

        assertThat(plan.steps())
                .containsExactly(
                        new TwimlPlan.Step(Duration.ZERO, 0, "Say", "Hello", null),
                        new TwimlPlan.Step(
                                Duration.ofMillis(500), 1, "Play", "digits 12w3", "12w3"),
                        new TwimlPlan.Step(Duration.ofMillis(1600), 2, "Pause", "2 s", null),
                        new TwimlPlan.Step(Duration.ofMillis(3600), 3, "Hangup", null, null));
        assertThat(plan.elapsed()).isEqualTo(Duration.ofMillis(3600));
    }

    @Test
    void tonesTakeTwoHundredMillisecondsEachAndTheWaitsTheirOwn() {
        assertThat(TwimlInterpreter.tones("1234")).isEqualTo(Duration.ofMillis(800));
        assertThat(TwimlInterpreter.tones("1wW#")).isEqualTo(Duration.ofMillis(1900));
    }
}
