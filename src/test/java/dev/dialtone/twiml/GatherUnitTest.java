package dev.dialtone.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a {@code <Gather>} hears and when it is over, and where the document goes after it. */
class GatherUnitTest {

    private static final VerbTimings TIMINGS =
            new VerbTimings(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(5));
    private static final String DOCUMENT = "https://app.test/ivr/menu";
    private static final Duration PROMPTS = Duration.ofSeconds(4);

    @Test
    void aKeyPressedAfterThePromptEndsTheGatherAtOnceWhenNumDigitsIsReached() {
        Gathering heard = Gathering.of(gather("numDigits", "1"), PROMPTS, keys("1", null));

        assertThat(heard.heard()).isTrue();
        assertThat(heard.lasts()).isEqualTo(PROMPTS);
        assertThat(heard.parameters())
                .containsExactly(Map.entry("Digits", "1"), Map.entry("FinishedOnKey", ""));
    }

    @Test
    void theFinishKeyEndsInputAndIsLeftOutOfTheDigits() {
        Gathering heard = Gathering.of(gather(), PROMPTS, keys("4242#9", Duration.ofSeconds(1)));

        assertThat(heard.lasts()).isEqualTo(Duration.ofSeconds(1));
        assertThat(heard.parameters())
                .containsExactly(Map.entry("Digits", "4242"), Map.entry("FinishedOnKey", "#"));
    }

    @Test
    void withoutAFinishKeyOrNumDigitsInputEndsATimeoutAfterTheLastKey() {
        Gathering heard =
                Gathering.of(
                        gather("finishOnKey", "", "timeout", "3"),
                        PROMPTS,
                        keys("12#", Duration.ofSeconds(2)));

        assertThat(heard.lasts()).isEqualTo(Duration.ofSeconds(5));
        assertThat(heard.parameters()).contains(Map.entry("Digits", "12#"));
    }

    @Test
    void silenceWaitsOutThePromptAndTheTimeout() {
        Gathering silence = Gathering.of(gather("timeout", "3"), PROMPTS, Callee.Answer.SILENCE);

        assertThat(silence.heard()).isFalse();
        assertThat(silence.lasts()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void anAnswerAfterTheWaitIsNotHeard() {
        Gathering late =
                Gathering.of(gather("timeout", "3"), PROMPTS, keys("1", Duration.ofSeconds(8)));

        assertThat(late.heard()).isFalse();
        assertThat(late.lasts()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void speechIsHeardOnlyWhereTheGatherListensForIt() {
        Callee.Answer words = new Callee.Answer(null, "I want sales", Duration.ofSeconds(1));

        assertThat(Gathering.of(gather(), PROMPTS, words).heard()).isFalse();
        Gathering heard =
                Gathering.of(gather("input", "speech", "speechTimeout", "2"), PROMPTS, words);
        assertThat(heard.lasts()).isEqualTo(Duration.ofSeconds(3));
        assertThat(heard.parameters())
                .containsExactly(
                        Map.entry("SpeechResult", "I want sales"),
                        Map.entry("Confidence", "0.9"),
                        Map.entry("Language", "en-US"));
    }

    @Test
    void keysWinOverSpeechWhenTheGatherListensForBoth() {
        Gathering heard =
                Gathering.of(
                        gather("input", "dtmf speech", "numDigits", "1"),
                        PROMPTS,
                        new Callee.Answer("2", "two", null));

        assertThat(heard.parameters()).contains(Map.entry("Digits", "2"));
    }

    @Test
    void aHeardGatherRequestsItsActionResolvedAgainstTheDocument() throws Exception {
        List<Verb> verbs =
                List.of(
                        say("Welcome"),
                        new Verb(
                                "Gather",
                                Map.of("numDigits", "1", "action", "route?menu=1"),
                                "",
                                List.of(say("Press 1"))),
                        say("never reached"));
        Callee callee = index -> index == 1 ? keys("1", null) : Callee.Answer.SILENCE;

        TwimlPlan plan = TwimlInterpreter.plan(verbs, DOCUMENT, TIMINGS, callee, 1);

        assertThat(plan.ending()).isEqualTo(TwimlPlan.Ending.REDIRECT);
        assertThat(plan.redirectUrl()).isEqualTo("https://app.test/ivr/route?menu=1");
        assertThat(plan.parameters()).contains(Map.entry("Digits", "1"));
        assertThat(plan.gathers()).isEqualTo(1);
        // "Welcome" and "Press 1", then the key at the prompt's end.
        assertThat(plan.elapsed()).isEqualTo(Duration.ofMillis(700 + 700));
    }

    @Test
    void anUnheardGatherListensForItsPromptAndTimeoutThenFallsThroughToTheNextVerb()
            throws Exception {
        List<Verb> verbs =
                List.of(
                        say("Hi"),
                        new Verb("Gather", Map.of("timeout", "2"), "", List.of(say("Press"))),
                        new Verb("Redirect", Map.of(), "after", List.of()));

        TwimlPlan plan = TwimlInterpreter.plan(verbs, DOCUMENT, TIMINGS, Callee.SILENT, 0);

        assertThat(plan.ending()).isEqualTo(TwimlPlan.Ending.GATHER);
        assertThat(plan.elapsed()).isEqualTo(Duration.ofMillis(200));
        assertThat(plan.position()).isEqualTo(1);
        assertThat(plan.waiting()).isEqualTo(Duration.ofMillis(2500));
        // The Gather counts once the call listens at it.
        assertThat(plan.gathers()).isZero();
        assertThat(TwimlInterpreter.heardNothing(verbs, 1, DOCUMENT)).isNull();
        TwimlPlan after = TwimlInterpreter.plan(verbs, 2, DOCUMENT, TIMINGS, Callee.SILENT, 1);
        assertThat(after.redirectUrl()).isEqualTo("https://app.test/ivr/after");
        assertThat(after.parameters()).isEmpty();
    }

    @Test
    void actionOnEmptyResultRequestsTheActionWithoutInput() throws Exception {
        List<Verb> verbs = List.of(gather("timeout", "2", "actionOnEmptyResult", "true"));

        TwimlPlan empty = TwimlInterpreter.heardNothing(verbs, 0, DOCUMENT);

        assertThat(empty.ending()).isEqualTo(TwimlPlan.Ending.REDIRECT);
        assertThat(empty.redirectUrl()).isEqualTo(DOCUMENT);
        assertThat(empty.parameters()).isEmpty();
    }

    @Test
    void liveInputIsHeardByTheGatherAsItsAttributesSay() throws Exception {
        List<Verb> verbs = List.of(gather("numDigits", "2", "action", "next"));

        TwimlPlan heard =
                TwimlInterpreter.heardLive(
                        verbs, 0, DOCUMENT, new Callee.Answer("123", null, Duration.ZERO));

        assertThat(heard.redirectUrl()).isEqualTo("https://app.test/ivr/next");
        assertThat(heard.parameters()).contains(Map.entry("Digits", "12"));
        assertThat(
                        TwimlInterpreter.heardLive(
                                verbs, 0, DOCUMENT, new Callee.Answer(null, "hi", Duration.ZERO)))
                .as("a dtmf Gather does not hear speech")
                .isNull();
    }

    @Test
    void aGatherOfInlineTwimlNeedsAnAbsoluteActionOnlyWhenItIsRequested() throws Exception {
        List<Verb> verbs = List.of(gather("numDigits", "1"));

        assertThat(TwimlInterpreter.plan(verbs, null, TIMINGS, Callee.SILENT, 0).ending())
                .isEqualTo(TwimlPlan.Ending.GATHER);
        assertThatThrownBy(
                        () ->
                                TwimlInterpreter.plan(
                                        verbs, null, TIMINGS, index -> keys("1", null), 0))
                .isInstanceOfSatisfying(
                        TwimlParser.UnparseableTwiml.class,
                        e -> assertThat(e.errorCode()).isEqualTo(11100));
    }

    private static Verb gather(String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new Verb("Gather", map, "", List.of());
    }

    private static Verb say(String text) {
        return new Verb("Say", Map.of(), text, List.of());
    }

    private static Callee.Answer keys(String digits, Duration delay) {
        return new Callee.Answer(digits, null, delay);
    }
}
