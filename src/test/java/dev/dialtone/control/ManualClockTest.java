package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.LifecycleTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manual clock: nothing moves until the test advances it, and an advance returns once every
 * step due in its span is applied and every callback it caused delivered, so the test reads them at
 * once, without polling.
 */
class ManualClockTest extends LifecycleTest {

    @Test
    void eachAdvanceAppliesWhatFellDueInItAndDeliversItsCallbacksBeforeItAnswers() {
        asOne().formParam("Mode", "manual")
                .post("/dialtone/clock")
                .then()
                .statusCode(200)
                .body("mode", equalTo("manual"));
        String to = uniqueNumber();
        scenario(to, "RingTime", "2s", "TalkTime", "30s");
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
        Instant created = clock.instant();

        assertThat(status(sid)).isEqualTo("queued");
        assertThat(RECEIVER.requests(sid, status)).isEmpty();

        advance("1s");
        assertThat(status(sid)).isEqualTo("ringing");
        assertThat(callbackStatuses(sid, status)).containsExactly("initiated", "ringing");

        advance("2s");
        assertThat(status(sid)).isEqualTo("in-progress");
        assertThat(RECEIVER.requests(sid, app)).hasSize(1);
        assertThat(callbackStatuses(sid, status))
                .containsExactly("initiated", "ringing", "in-progress");

        advance("10s");
        JsonPath call = asOne().get(callJson(sid)).then().extract().jsonPath();
        assertThat(call.getString("status")).isEqualTo("completed");
        assertThat(call.getString("duration")).isEqualTo("5");
        assertThat(callbackStatuses(sid, status))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(clock.instant()).isEqualTo(created.plus(Duration.ofSeconds(13)));

        asOne().formParam("Mode", "real")
                .post("/dialtone/clock")
                .then()
                .statusCode(200)
                .body("mode", equalTo("real"));
        asOne().formParam("Advance", "1s")
                .post("/dialtone/clock")
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
    }

    private static String status(String sid) {
        return asOne().get(callJson(sid)).then().extract().path("status");
    }

    private static List<String> callbackStatuses(String sid, String path) {
        return RECEIVER.requests(sid, path).stream()
                .sorted(
                        java.util.Comparator.comparingInt(
                                r -> Integer.parseInt(r.parameter("SequenceNumber"))))
                .map(r -> r.parameter("CallStatus"))
                .toList();
    }
}
