package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.NewLeg;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.calls.TestUpdates;
import dev.dialtone.support.CallFixtures;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.web.WebhookMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions of a call's steps, over a call, a script and a fixed instant: no Spring, no clock.
 */
class CallStepsUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final CallSteps steps = new CallSteps(settings(1));

    @Test
    void aCalleeWhoAnswersWithinTheTimeoutIsAnsweredAfterTheRingTime() {
        Call call = queued(60, null);
        steps.dial(
                call, script(SimulationProperties.Outcome.COMPLETED, Duration.ofSeconds(3)), NOW);
        assertThat(call.status()).isEqualTo(CallStatus.RINGING);
        assertThat(call.nextEvent()).isEqualTo(NextEvent.ANSWER);
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void ringingPastTheTimeoutEndsAsNoAnswerWithSip487() {
        Call call = queued(5, null);
        steps.dial(
                call, script(SimulationProperties.Outcome.COMPLETED, Duration.ofSeconds(30)), NOW);
        assertThat(call.nextEvent()).isEqualTo(NextEvent.END_NO_ANSWER);
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(call.plannedSipResponseCode()).isEqualTo(487);
    }

    @Test
    void aBusyCalleeEndsTheRingingWithSip486() {
        Call call = queued(60, null);
        steps.dial(call, script(SimulationProperties.Outcome.BUSY, Duration.ofSeconds(2)), NOW);
        assertThat(call.nextEvent()).isEqualTo(NextEvent.END_BUSY);
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(call.plannedSipResponseCode()).isEqualTo(486);
    }

    @Test
    void aPlanEndsWhenItsVerbsAreDoneWithinTheTalkTime() {
        Call call = answered(null);
        assertThat(
                        steps.follow(
                                call,
                                talking(Duration.ofSeconds(10)),
                                plan(Duration.ofSeconds(4), TwimlPlan.Ending.HANG_UP),
                                NOW))
                .isTrue();
        assertThat(call.nextEvent()).isEqualTo(NextEvent.END_COMPLETED);
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(4));
    }

    @Test
    void theTimeLimitCutsAPlanShort() {
        Call call = answered(2);
        steps.follow(
                call,
                talking(Duration.ofSeconds(10)),
                plan(Duration.ofSeconds(60), TwimlPlan.Ending.HANG_UP),
                NOW);
        assertThat(call.nextEvent()).isEqualTo(NextEvent.END_COMPLETED);
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aRejectInAnAnsweredCallHangsUpForAnAnsweredCallCanOnlyComplete() {
        for (TwimlPlan.Ending reject :
                List.of(TwimlPlan.Ending.REJECT_BUSY, TwimlPlan.Ending.REJECT_NO_ANSWER)) {
            Call call = answered(null);
            steps.follow(call, talking(Duration.ofSeconds(10)), plan(SECOND, reject), NOW);
            assertThat(call.nextEvent()).isEqualTo(NextEvent.END_COMPLETED);
            assertThat(call.nextEventAt()).isEqualTo(NOW.plus(SECOND));
            assertThat(call.plannedSipResponseCode()).isNull();
        }
    }

    @Test
    void idleRedirectsAreFollowedUpToTheBoundThenTheCallEnds() {
        Call call = answered(null);
        TwimlPlan redirect =
                new TwimlPlan(
                        Duration.ZERO,
                        TwimlPlan.Ending.REDIRECT,
                        "http://app.test/again",
                        WebhookMethod.POST,
                        List.of());
        for (int i = 0; i < CallSteps.MAX_IDLE_REDIRECTS; i++) {
            assertThat(steps.follow(call, talking(Duration.ofSeconds(10)), redirect, NOW)).isTrue();
            assertThat(call.nextEvent()).isEqualTo(NextEvent.RUN_TWIML);
            assertThat(call.twimlUrl()).isEqualTo("http://app.test/again");
        }
        assertThat(steps.follow(call, talking(Duration.ofSeconds(10)), redirect, NOW)).isFalse();
        assertThat(call.nextEvent()).isEqualTo(NextEvent.END_COMPLETED);
    }

    @Test
    void aRedirectFromADocumentThatTookTimeStartsTheCountAgain() {
        Call call = answered(null);
        TwimlPlan idle =
                new TwimlPlan(
                        Duration.ZERO,
                        TwimlPlan.Ending.REDIRECT,
                        "http://app.test/a",
                        WebhookMethod.POST,
                        List.of());
        TwimlPlan slow =
                new TwimlPlan(
                        Duration.ofSeconds(2),
                        TwimlPlan.Ending.REDIRECT,
                        "http://app.test/b",
                        WebhookMethod.GET,
                        List.of());
        for (int i = 0; i < 3 * CallSteps.MAX_IDLE_REDIRECTS; i++) {
            assertThat(
                            steps.follow(
                                    call,
                                    talking(Duration.ofDays(1)),
                                    i % CallSteps.MAX_IDLE_REDIRECTS == 0 ? slow : idle,
                                    NOW))
                    .isTrue();
        }
    }

    @Test
    void aTimeLimitSetWhileTheCallTalksEndsItThereUnlessItsTwimlEndsSooner() {
        Call call = answered(null);
        steps.follow(
                call,
                talking(Duration.ofDays(1)),
                plan(Duration.ofSeconds(100), TwimlPlan.Ending.HANG_UP),
                NOW);
        TestUpdates.timeLimit(call, 30, NOW.plusSeconds(10));
        steps.applyTimeLimit(call, NOW.plusSeconds(10));
        assertThat(call.nextEvent()).isEqualTo(NextEvent.END_COMPLETED);
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(30));

        // A longer one leaves the planned end alone; one already past ends the call now.
        TestUpdates.timeLimit(call, 300, NOW.plusSeconds(11));
        steps.applyTimeLimit(call, NOW.plusSeconds(11));
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(30));
        TestUpdates.timeLimit(call, 5, NOW.plusSeconds(12));
        steps.applyTimeLimit(call, NOW.plusSeconds(12));
        assertThat(call.nextEventAt()).isEqualTo(NOW.plusSeconds(12));
    }

    @Test
    void anEndingAppliedLateHappenedWhenItWasDue() {
        Call call = answered(null);
        steps.follow(
                call,
                talking(Duration.ofDays(1)),
                plan(Duration.ofSeconds(20), TwimlPlan.Ending.HANG_UP),
                NOW);
        assertThat(CallSteps.happenedAt(call, NOW.plusSeconds(3600)))
                .isEqualTo(NOW.plusSeconds(20));
        assertThat(CallSteps.happenedAt(call, NOW.plusSeconds(5))).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void theFirstLegToAnswerWinsTheDialAndTheOthersStillRingingAreCanceled() {
        Call parent = answered(null);
        Call slow = leg(parent, "+15005550101", 20);
        Call quick = leg(parent, "+15005550102", 20);
        Call busy = leg(parent, "+15005550103", 20);
        CallScript slowScript = ringing(Duration.ofSeconds(5), Duration.ofSeconds(9));
        CallScript quickScript = ringing(Duration.ofSeconds(2), Duration.ofSeconds(7));
        CallScript busyScript =
                new CallScript(SimulationProperties.Outcome.BUSY, null, SECOND, SECOND, "human");
        steps.dial(slow, slowScript, NOW);
        steps.dial(quick, quickScript, NOW);
        steps.dial(busy, busyScript, NOW);

        CallSteps.DialOutcome outcome =
                steps.dialOutcome(
                        List.of(slow, quick, busy),
                        List.of(slowScript, quickScript, busyScript),
                        5);

        assertThat(outcome.dialCallSid()).isEqualTo(quick.sid());
        assertThat(outcome.status()).isEqualTo("completed");
        // The Dial's timeLimit (5 s) is shorter than the winner's 7 s of talk.
        assertThat(outcome.bridgedSeconds()).isEqualTo(5);
        assertThat(outcome.over()).isEqualTo(NOW.plusSeconds(7));
        assertThat(slow.nextEvent()).isEqualTo(NextEvent.END_CANCELED);
        assertThat(slow.nextEventAt()).isEqualTo(NOW.plusSeconds(2));
        // The busy leg had ended before anyone answered.
        assertThat(busy.nextEvent()).isEqualTo(NextEvent.END_BUSY);
        assertThat(busy.nextEventAt()).isEqualTo(NOW.plus(SECOND));
    }

    @Test
    void aDialNobodyAnswersIsOverWithItsLastLegAndSaysNoAnswerBeforeBusy() {
        Call parent = answered(null);
        Call busy = leg(parent, "+15005550104", 3);
        Call unanswered = leg(parent, "+15005550105", 3);
        CallScript busyScript =
                new CallScript(SimulationProperties.Outcome.BUSY, null, SECOND, SECOND, "human");
        CallScript neverScript =
                new CallScript(
                        SimulationProperties.Outcome.NO_ANSWER, null, SECOND, SECOND, "human");
        steps.dial(busy, busyScript, NOW);
        steps.dial(unanswered, neverScript, NOW);

        CallSteps.DialOutcome outcome =
                steps.dialOutcome(
                        List.of(busy, unanswered), List.of(busyScript, neverScript), 14400);

        assertThat(outcome.status()).isEqualTo("no-answer");
        assertThat(outcome.dialCallSid()).isEqualTo(busy.sid());
        assertThat(outcome.over()).isEqualTo(NOW.plusSeconds(3));
        assertThat(outcome.bridgedSeconds()).isZero();
    }

    @Test
    void aDialOverSoonerKeepsItsLegAndCountsOnlyTheTimeBridged() {
        CallSteps.DialOutcome bridged =
                new CallSteps.DialOutcome(
                        NOW.plusSeconds(30), "completed", "CA1", 28, NOW.plusSeconds(2));

        CallSteps.DialOutcome star = bridged.endedAt(NOW.plusSeconds(5));
        assertThat(star.over()).isEqualTo(NOW.plusSeconds(5));
        assertThat(star.status()).isEqualTo("completed");
        assertThat(star.dialCallSid()).isEqualTo("CA1");
        assertThat(star.bridgedSeconds()).isEqualTo(3);
        // Cut before anyone answered: the leg never talked.
        CallSteps.DialOutcome early = bridged.endedAt(NOW.plusSeconds(1));
        assertThat(early.status()).isEqualTo("canceled");
        assertThat(early.bridgedSeconds()).isZero();
        assertThat(early.bridgedFrom()).isNull();
        assertThat(bridged.endedAt(NOW.plusSeconds(60))).isEqualTo(bridged);
    }

    @Test
    void detectionAnswersInItsModesWordsAndUnknownPastItsTimeout() {
        CallScript machine =
                new CallScript(
                        SimulationProperties.Outcome.COMPLETED,
                        null,
                        SECOND,
                        SECOND,
                        "machine_start",
                        List.of(),
                        List.of(),
                        null,
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(3));
        Call messageEnd = CallFixtures.detecting("DetectMessageEnd", null, null, NOW);
        assertThat(steps.detect(messageEnd, machine))
                .isEqualTo(new CallSteps.Detection("machine_end_beep", Duration.ofSeconds(4)));

        Call quick = CallFixtures.detecting("Enable", 3, null, NOW);
        assertThat(steps.detect(quick, machine))
                .isEqualTo(new CallSteps.Detection("unknown", Duration.ofSeconds(3)));

        assertThat(steps.detect(CallFixtures.detecting("Enable", null, "1234", NOW), machine))
                .as("SendDigits turns detection off")
                .isNull();
        assertThat(steps.detect(queued(60, null), machine)).isNull();
    }

    private static Call leg(Call parent, String to, int timeout) {
        return Call.dialLeg(
                "CA" + to.substring(1) + "0".repeat(21),
                parent,
                new NewLeg(to, parent.from(), timeout, 14400, null, null, null, null, List.of()),
                NOW);
    }

    private static CallScript ringing(Duration ring, Duration talk) {
        return new CallScript(SimulationProperties.Outcome.COMPLETED, null, ring, talk, "human");
    }

    private static SimulationProperties settings(double speed) {
        return new SimulationProperties(
                SECOND,
                SECOND,
                SECOND,
                speed,
                SECOND,
                SECOND,
                SECOND,
                new BigDecimal("0.014"),
                SECOND,
                SECOND,
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                List.of(),
                true);
    }

    private static CallScript script(SimulationProperties.Outcome outcome, Duration ring) {
        return new CallScript(outcome, null, ring, Duration.ofSeconds(10), "human");
    }

    private static CallScript talking(Duration talk) {
        return new CallScript(SimulationProperties.Outcome.COMPLETED, null, SECOND, talk, "human");
    }

    private static TwimlPlan plan(Duration elapsed, TwimlPlan.Ending ending) {
        return new TwimlPlan(elapsed, ending, null, null, List.of());
    }

    private static Call queued(int timeout, Integer timeLimit) {
        return CallFixtures.queued(timeout, timeLimit, NOW.minusSeconds(1));
    }

    /** A call answered now, its own Url about to run. */
    private static Call answered(Integer timeLimit) {
        Call call = queued(60, timeLimit);
        call.startDialing(NOW);
        call.answer(NOW, null);
        return call;
    }
}
