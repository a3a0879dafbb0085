package dev.dialtone.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.twilio.security.RequestValidator;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver.Received;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class WebhookDeliveryTest extends LifecycleTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void retriesOnceByDefaultAndRecordsEveryAttempt() {
        String failing = path("failing");
        RECEIVER.answer(failing, 503, "try later");
        String sid = call(RECEIVER.url(failing), "completed");
        await().atMost(DEADLINE).until(() -> RECEIVER.requests(sid, failing).size() >= 2);
        await().atMost(DEADLINE).until(() -> "failed".equals(webhook(sid).get("state")));
        assertThat(RECEIVER.requests(sid, failing)).hasSize(2);
        Map<String, Object> webhook = webhook(sid);
        assertThat(webhook).containsEntry("attempts", 2);
        List<Map<String, Object>> attempts = timeline(sid).getList("requests");
        assertThat(attempts)
                .hasSize(2)
                .allSatisfy(
                        a ->
                                assertThat(a)
                                        .containsEntry("kind", "status-callback")
                                        .containsEntry("status_code", 503)
                                        .containsEntry("response_excerpt", "try later")
                                        .containsEntry("url", RECEIVER.url(failing)));
        assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2);
        assertThat(((Map<?, ?>) attempts.get(0).get("parameters")).get("CallSid")).isEqualTo(sid);
    }

    @Test
    void honoursTwiliosRetryOverridesInTheUrlFragment() {
        String failing = path("failing");
        RECEIVER.answer(failing, 500, "");
        String sid = call(RECEIVER.url(failing) + "#rc=3&rp=all&ct=500", "completed");
        await().atMost(DEADLINE).until(() -> "failed".equals(webhook(sid).get("state")));
        List<Received> attempts = RECEIVER.requests(sid, failing);
        assertThat(attempts).hasSize(4);
        // The fragment is never sent, and the signature is over the URL without it.
        RequestValidator validator = new RequestValidator(TestAccounts.ONE_TOKEN);
        assertThat(attempts)
                .allSatisfy(
                        r -> {
                            assertThat(r.url()).doesNotContain("#");
                            assertThat(
                                            validator.validate(
                                                    r.url(), r.formParameters(), r.signature()))
                                    .isTrue();
                        });

        String noRetry = path("no-retry");
        RECEIVER.answer(noRetry, 500, "");
        String other = call(RECEIVER.url(noRetry) + "#rc=0", "completed");
        await().atMost(DEADLINE).until(() -> "failed".equals(webhook(other).get("state")));
        assertThat(RECEIVER.requests(other, noRetry)).hasSize(1);
    }

    @Test
    void retriesAReceiverThatIsDownAndDeliversWhenItAnswers() {
        String sid = call("http://127.0.0.1:9/nobody-listens", "completed");
        await().atMost(DEADLINE).until(() -> "failed".equals(webhook(sid).get("state")));
        List<Map<String, Object>> attempts = timeline(sid).getList("requests");
        assertThat(attempts)
                .hasSize(2)
                .allSatisfy(
                        a -> {
                            assertThat(a.get("status_code")).isNull();
                            assertThat((String) a.get("error")).isNotBlank();
                        });
    }

    @Test
    void aStuckReceiverHoldsUpNothingElse() {
        String stuck = path("stuck");
        String healthy = path("healthy");
        CountDownLatch release = new CountDownLatch(1);
        RECEIVER.answerWhenReleased(stuck, release);
        try {
            String blocked =
                    call(RECEIVER.url(stuck) + "#rt=15000", "initiated ringing answered completed");
            await().atMost(DEADLINE).until(() -> RECEIVER.requests(blocked, stuck).size() == 1);
            List<String> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                others.add(call(RECEIVER.url(healthy), "initiated ringing answered completed"));
            }
            // Every other call's four callbacks arrive while the stuck receiver still
            // holds its first one.
            for (String other : others) {
                await().atMost(DEADLINE).until(() -> RECEIVER.requests(other, healthy).size() == 4);
            }
            assertThat(RECEIVER.requests(blocked, stuck)).hasSize(1);
            // And the stuck call's later events wait their turn behind the first.
            awaitStatus(blocked, "completed");
            assertThat(RECEIVER.requests(blocked, stuck)).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void deletingACallRemovesItsTimeline() {
        String status = path("status");
        String sid = call(RECEIVER.url(status), "completed");
        await().atMost(DEADLINE).until(() -> "delivered".equals(webhook(sid).get("state")));
        asOne().delete(callJson(sid)).then().statusCode(204);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM call_requests WHERE call_sid = ?",
                                Integer.class,
                                sid))
                .isZero();
        assertThat(
                        jdbc.queryForObject(
                                "SELECT COUNT(*) FROM webhooks WHERE call_sid = ?",
                                Integer.class,
                                sid))
                .isZero();
        asOne().get("/dialtone/calls/" + sid + "/timeline").then().statusCode(404);
    }

    @Test
    void sendsEachCallsEventsInSequenceOrder() {
        String ordered = path("ordered");
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sids.add(call(RECEIVER.url(ordered), "initiated ringing answered completed"));
        }
        for (String sid : sids) {
            await().atMost(DEADLINE).until(() -> RECEIVER.requests(sid, ordered).size() == 4);
            assertThat(RECEIVER.requests(sid, ordered))
                    .extracting(r -> r.parameter("SequenceNumber"))
                    .containsExactly("0", "1", "2", "3");
        }
    }

    private String call(String statusCallback, String events) {
        return asOne().formParam("To", uniqueNumber())
                .formParam("From", "+15005550006")
                .formParam("Twiml", "<Response><Say>Hi</Say></Response>")
                .formParam("StatusCallback", statusCallback)
                .formParam("StatusCallbackEvent", events)
                .post(callsJson())
                .then()
                .statusCode(201)
                .extract()
                .path("sid");
    }

    private static Map<String, Object> webhook(String sid) {
        List<Map<String, Object>> webhooks = timeline(sid).getList("webhooks");
        return webhooks.isEmpty() ? Map.of() : webhooks.get(webhooks.size() - 1);
    }
}
