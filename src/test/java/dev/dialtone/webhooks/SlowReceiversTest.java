package dev.dialtone.webhooks;

import static dev.dialtone.support.ApiTest.callsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.DripServer;
import dev.dialtone.support.StandaloneDialtone;
import dev.dialtone.support.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receivers and TwiML servers that drip their answers or never give one, beside healthy ones: the
 * healthy calls finish within a deadline the misbehaving ones would blow, and no request is tried
 * more often than its retry policy says. A Dialtone of its own (fast timings: 1 s to connect, 1 s
 * to answer), so the stuck requests end with it.
 */
class SlowReceiversTest {

    private static StandaloneDialtone.Database database;
    private static StandaloneDialtone dialtone;
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @BeforeAll
    static void start() {
        database = StandaloneDialtone.Database.inMemory();
        dialtone = StandaloneDialtone.start(database, "fast");
        RECEIVER.twiml("/hello", "<Response><Say>hi</Say></Response>");
    }

    @AfterAll
    static void stop() throws Exception {
        dialtone.close();
        database.close();
        RECEIVER.close();
    }

    @Test
    void twimlServersThatDripTheirBodyHoldUpNoOtherCall() throws Exception {
        try (DripServer drip = new DripServer(DripServer.Mode.DRIP, Duration.ofSeconds(1))) {
            List<String> dripping = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                dripping.add(create(Map.of("Url", drip.url("/twiml/" + i))));
            }
            List<String> healthy = healthyCalls(100);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> healthy.stream().allMatch(sid -> "completed".equals(status(sid))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> RECEIVER.gotRequestsFromAll(healthy, "/cb"));
            // Each dripping fetch is cut at its deadline: the call ends after
            // one fetch, with 11205 (a timeout, as Twilio counts it).
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    dripping.stream()
                                            .allMatch(sid -> "completed".equals(status(sid))));
            assertThat(drip.requests()).hasSize(20);
            for (String sid : dripping) {
                assertThat(timeline(sid).getList("notifications.error_code"))
                        .containsExactly(11205);
            }
        }
    }

    @Test
    void aCallbackReceiverThatDripsGetsEachEventTriedTwiceAndNoMore() throws Exception {
        try (DripServer drip = new DripServer(DripServer.Mode.DRIP, Duration.ofSeconds(1))) {
            String sid =
                    create(
                            Map.of(
                                    "Twiml",
                                    "<Response><Hangup/></Response>",
                                    "StatusCallback",
                                    drip.url("/status"),
                                    "StatusCallbackEvent",
                                    "initiated ringing answered completed"));
            List<String> healthy = healthyCalls(20);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> RECEIVER.gotRequestsFromAll(healthy, "/cb"));
            // A retry holds no later event back, so all four settle within a few deadlines, not
            // behind each other's retries.
            await().atMost(Duration.ofSeconds(20))
                    .until(
                            () ->
                                    timeline(sid)
                                            .getList("webhooks.state")
                                            .equals(
                                                    List.of(
                                                            "failed", "failed", "failed",
                                                            "failed")));
            assertThat(timeline(sid).getList("webhooks.attempts")).containsExactly(2, 2, 2, 2);
            assertThat(drip.requests()).hasSize(8);
        }
    }

    @Test
    void aReceiverThatNeverAnswersCostsOthersLittle() throws Exception {
        try (DripServer silent = new DripServer(DripServer.Mode.SILENT, Duration.ZERO)) {
            // Its URL asks for 15 s to answer: before, 64 of them held every
            // delivery permit that long.
            for (int i = 0; i < 150; i++) {
                create(
                        Map.of(
                                "Twiml",
                                "<Response><Hangup/></Response>",
                                "StatusCallback",
                                silent.url("/never#rt=15000")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> silent.requests().size() >= 20);
            List<String> healthy = healthyCalls(20);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RECEIVER.gotRequestsFromAll(healthy, "/cb"));
            // Counted at once, not in all: a run slower than the 15 s read timeout sees the
            // first ones time out and later ones arrive.
            assertThat(silent.mostAtOnce())
                    .isGreaterThanOrEqualTo(20)
                    .isLessThanOrEqualTo(128 /* dialtone.webhooks.max-in-flight-per-host */);
        }
    }

    private static List<String> healthyCalls(int count) {
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sids.add(
                    create(
                            Map.of(
                                    "Url",
                                    RECEIVER.url("/hello"),
                                    "StatusCallback",
                                    RECEIVER.url("/cb"))));
        }
        return sids;
    }

    private static String create(Map<String, String> form) {
        var request =
                dialtone.asOne().formParam("To", "+14155550123").formParam("From", "+15005550006");
        form.forEach(request::formParam);
        return request.post(callsJson()).then().statusCode(201).extract().path("sid");
    }

    private static String status(String sid) {
        return dialtone.status(sid);
    }

    private static JsonPath timeline(String sid) {
        return dialtone.timeline(sid);
    }
}
