package dev.dialtone.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long a {@code <Record>} lasts and what it tells the action. */
class RecordUnitTest {

    private static final Duration SPEAKING = Duration.ofSeconds(4);

    @Test
    void aFinishKeyEndsTheRecordingWhenTheCalleeStopsSpeaking() {
        Recorded recorded = Recorded.of(record(), keys("#"), SPEAKING);

        assertThat(recorded.lasts()).isEqualTo(SPEAKING);
        assertThat(recorded.seconds()).isEqualTo(4);
        assertThat(recorded.parameters())
                .containsExactly(Map.entry("RecordingDuration", "4"), Map.entry("Digits", "#"));
    }

    @Test
    void silenceEndsItAfterTheTimeoutAndTrimmingLeavesTheSilenceOut() {
        Recorded trimmed = Recorded.of(record("timeout", "2"), Callee.Answer.SILENCE, SPEAKING);
        assertThat(trimmed.lasts()).isEqualTo(Duration.ofSeconds(6));
        assertThat(trimmed.seconds()).isEqualTo(4);
        assertThat(trimmed.parameters()).contains(Map.entry("Digits", ""));

        Recorded whole =
                Recorded.of(
                        record("timeout", "2", "trim", "do-not-trim"),
                        Callee.Answer.SILENCE,
                        SPEAKING);
        assertThat(whole.seconds()).isEqualTo(6);
    }

    @Test
    void maxLengthCutsALongMessageAndAKeyOutsideFinishOnKeyDoesNothing() {
        Recorded cut =
                Recorded.of(record("maxLength", "3", "finishOnKey", "*"), keys("#"), SPEAKING);

        assertThat(cut.lasts()).isEqualTo(Duration.ofSeconds(3));
        assertThat(cut.seconds()).isEqualTo(3);
        assertThat(cut.parameters()).contains(Map.entry("Digits", ""));
    }

    @Test
    void aRecordRequestsItsActionResolvedAgainstTheDocument() throws Exception {
        List<Verb> verbs = List.of(record("action", "saved"));
        Callee callee =
                new Callee() {
                    @Override
                    public Answer answer(int index) {
                        return keys("#");
                    }

                    @Override
                    public Duration speaking() {
                        return SPEAKING;
                    }
                };

        TwimlPlan plan =
                TwimlInterpreter.plan(
                        verbs,
                        "https://app.test/vm/greeting",
                        new VerbTimings(Duration.ZERO, Duration.ZERO, Duration.ZERO),
                        callee,
                        0);

        assertThat(plan.ending()).isEqualTo(TwimlPlan.Ending.RECORD);
        assertThat(plan.redirectUrl()).isEqualTo("https://app.test/vm/saved");
        assertThat(plan.waiting()).isEqualTo(SPEAKING);
        assertThat(plan.position()).isZero();
    }

    private static Verb record(String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new Verb("Record", map, "", List.of());
    }

    private static Callee.Answer keys(String digits) {
        return new Callee.Answer(digits, null, null);
    }
}
