package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialtone.junit.Dialtone;
import dev.dialtone.junit.DialtoneException;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The manual clock: nothing moves until the test advances it, and an advance returns once every
 * step due in its span is applied and every callback it caused delivered, so the test reads them at
 * once, without polling. Driven through dialtone-junit's handle, as a user's test drives it.
 */
class ManualClockTest extends LifecycleTest {

    @Test
    void eachAdvanceAppliesWhatFellDueInItAndDeliversItsCallbacksBeforeItAnswers() {
        Dialtone dialtone =
                Dialtone.connect(
                        "http://localhost:" + port, TestAccounts.ONE, TestAccounts.ONE_TOKEN);
        Instant created = dialtone.clock().stop();
        assertThat(dialtone.clock().isManual()).isTrue();
        String to = uniqueNumber();
        dialtone.scenario()
                .to(to)
                .ringTime(Duration.ofSeconds(2))
                .talkTime(Duration.ofSeconds(30))
                .create();
        String app = path("app");
        String status = path("status");
        RECEIVER.twiml(app, "<Response><Pause length=\"5\"/><Hangup/></Response>");
        String sid =
                callWithCallbacks(
                        to,
                        RECEIVER.url(app),
                        RECEIVER.url(status),
                        "initiated",
                        "ringing",
                        "answered",
                        "completed");

        assertThat(dialtone.call(sid).get("status")).isEqualTo("queued");
        assertThat(dialtone.requests().call(sid).list()).isEmpty();

        dialtone.clock().advance(Duration.ofSeconds(1));
        assertThat(dialtone.call(sid).get("status")).isEqualTo("ringing");
        assertThat(callbackStatuses(dialtone, sid)).containsExactly("initiated", "ringing");

        dialtone.clock().advance(Duration.ofSeconds(2));
        assertThat(dialtone.call(sid).get("status")).isEqualTo("in-progress");
        assertThat(dialtone.requests().call(sid).twimlFetches().list())
                .singleElement()
                .satisfies(r -> assertThat(r.url()).isEqualTo(RECEIVER.url(app)));
        assertThat(callbackStatuses(dialtone, sid))
                .containsExactly("initiated", "ringing", "in-progress");

        Instant now = dialtone.clock().advance(Duration.ofSeconds(10));
        Map<String, Object> call = dialtone.call(sid);
        assertThat(call.get("status")).isEqualTo("completed");
        assertThat(call.get("duration")).isEqualTo("5");
        assertThat(callbackStatuses(dialtone, sid))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(now).isEqualTo(created.plus(Duration.ofSeconds(13)));
        assertThat(clock.instant()).isEqualTo(now);
        // What the app received is what the journal says was sent, in the same order.
        assertThat(RECEIVER.requests(sid, status))
                .extracting(r -> r.parameter("CallStatus"))
                .containsExactlyInAnyOrderElementsOf(callbackStatuses(dialtone, sid));

        dialtone.clock().real();
        assertThat(dialtone.clock().isManual()).isFalse();
        assertThatThrownBy(() -> dialtone.clock().advance(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(
                        DialtoneException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.code()).isEqualTo(20422);
                        });
    }

    private static List<String> callbackStatuses(Dialtone dialtone, String sid) {
        return dialtone.requests().call(sid).statusCallbacks().list().stream()
                .map(r -> r.parameter("CallStatus"))
                .toList();
    }
}
