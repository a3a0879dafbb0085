package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialtone.support.CallFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Each transition of a call refuses the wrong state with the one domain error, never a plain
 * exception.
 */
class CallTransitionsUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aCallDialsOnceAndIsAnsweredOnlyWhileRinging() {
        Call call = CallFixtures.queued(60, null, NOW);
        assertThatThrownBy(() -> call.answer(NOW, null))
                .isInstanceOfSatisfying(
                        CallStateException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(CallStateException.Kind.TRANSITION_REFUSED));
        call.startDialing(NOW);
        assertThatThrownBy(() -> call.startDialing(NOW)).isInstanceOf(CallStateException.class);
        call.answer(NOW, null);
        assertThat(call.status()).isEqualTo(CallStatus.IN_PROGRESS);
    }

    @Test
    void anEndedCallRefusesARedirectAsNotInProgress() {
        Call call = CallFixtures.queued(60, null, NOW);
        call.finish(CallStatus.CANCELED, null, NOW, BigDecimal.ONE);
        CallUpdate redirect =
                new CallUpdate(
                        "http://app.test/next", null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> call.update(redirect, NOW, BigDecimal.ONE))
                .isInstanceOfSatisfying(
                        CallStateException.class,
                        e ->
                                assertThat(e.kind())
                                        .isEqualTo(CallStateException.Kind.NOT_IN_PROGRESS));
        assertThatThrownBy(() -> call.finish(CallStatus.COMPLETED, null, NOW, BigDecimal.ONE))
                .isInstanceOf(CallStateException.class);
    }

    @Test
    void onlyAnAnsweredCallCompletesAndItsDurationIsTheTalkTime() {
        Call call = CallFixtures.queued(60, null, NOW);
        call.startDialing(NOW);
        assertThatThrownBy(() -> call.finish(CallStatus.COMPLETED, null, NOW, BigDecimal.ONE))
                .isInstanceOf(CallStateException.class);
        call.answer(NOW.plusSeconds(4), null);
        call.finish(CallStatus.COMPLETED, null, NOW.plusSeconds(65), new BigDecimal("0.014"));
        assertThat(call.duration()).isEqualTo(61);
        assertThat(call.price()).isEqualByComparingTo("-0.028");
    }

    @Test
    void aPlannedSipCodeIsReportedOnlyOnceTheCallEndsWithIt() {
        Call call = CallFixtures.queued(60, null, NOW);
        call.startDialing(NOW);
        call.schedule(NextEvent.END_BUSY, NOW.plusSeconds(2), 486);
        assertThat(call.plannedSipResponseCode()).isEqualTo(486);
        assertThat(call.sipResponseCode()).isNull();

        call.finish(
                CallStatus.BUSY, call.plannedSipResponseCode(), NOW.plusSeconds(2), BigDecimal.ONE);
        assertThat(call.sipResponseCode()).isEqualTo(486);
        assertThat(call.plannedSipResponseCode()).isNull();
    }
}
