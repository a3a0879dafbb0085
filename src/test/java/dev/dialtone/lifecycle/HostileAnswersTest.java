package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.LifecycleTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * What an application answers may be broken in every way; each call ends its step cleanly, says why
 * in its notifications, and is fetched no more often than its TwiML asks.
 */
class HostileAnswersTest extends LifecycleTest {

    @Test
    void anUpdateThatLeavesTheTwimlAloneDoesNotDiscardAFetchUnderWay() throws Exception {
        String twiml = path("twiml");
        CountDownLatch gate = new CountDownLatch(1);
        RECEIVER.twimlWhenReleased(twiml, "<Response><Hangup/></Response>", gate);
        String sid = create(RECEIVER.url(twiml));
        await().atMost(DEADLINE).until(() -> !RECEIVER.requests(sid, twiml).isEmpty());
        asOne().formParam("TimeLimit", "100").post(callJson(sid)).then().statusCode(200);
        gate.countDown();
        awaitStatus(sid, "completed");
        // Had the update superseded the fetch, the call would have waited out its
        // lease and fetched again.
        assertThat(RECEIVER.requests(sid, twiml)).hasSize(1);
        assertThat(asOne().get(callJson(sid)).then().extract().<Integer>path("time_limit"))
                .isNull();
    }

    @Test
    void twimlNestedThousandsDeepEndsTheCallWithAParseFailure() {
        assertThat(
                        notificationsAfterOneFetchOf(
                                "<Response>"
                                        + "<a>".repeat(9000)
                                        + "</a>".repeat(9000)
                                        + "</Response>"))
                .containsExactly(12100);
    }

    @Test
    void aRedirectUrlLongerThanAnyStoredUrlEndsTheCallWithAnInvalidUrl() {
        assertThat(
                        notificationsAfterOneFetchOf(
                                "<Response><Redirect>"
                                        + RECEIVER.url("/" + "x".repeat(4100))
                                        + "</Redirect></Response>"))
                .containsExactly(11100);
    }

    @Test
    void aRedirectToItselfIsFollowedBoundedlyThenTheCallEnds() {
        String twiml = path("twiml");
        RECEIVER.twiml(
                twiml, "<Response><Redirect>" + RECEIVER.url(twiml) + "</Redirect></Response>");
        // The callee talks long enough for the loop's bound, not the talk time, to end the call.
        String to = uniqueNumber();
        scenario(to, "TalkTime", "1h");
        String sid = callWithUrl(to, RECEIVER.url(twiml));
        awaitStatus(sid, "completed");
        assertThat(RECEIVER.requests(sid, twiml)).hasSize(CallSteps.MAX_IDLE_REDIRECTS + 1);
        assertThat(errorCodes(sid)).containsExactly(CallSimulator.REDIRECT_LOOP);
    }

    @Test
    void aRedirectToADeniedTargetIsNeverFetchedAndEndsTheCall() {
        String twiml = path("twiml");
        RECEIVER.twiml(
                twiml,
                "<Response><Redirect>http://169.254.169.254/latest/meta-data</Redirect></Response>");
        String sid = create(RECEIVER.url(twiml));
        awaitStatus(sid, "completed");
        assertThat(errorCodes(sid)).containsExactly(11100);
        assertThat(timeline(sid).getString("notifications[0].message_text"))
                .contains("dialtone.outbound.denied");
    }

    @Test
    void twimlWithANulCharacterEndsTheCallAfterOneFetch() {
        assertThat(notificationsAfterOneFetchOf("<Response><Say>a\0b</Say></Response>"))
                .containsExactly(12100);
    }

    @Test
    void aCallbackAnsweredWithANulCharacterIsDeliveredOnce() {
        String status = path("status");
        RECEIVER.answer(status, 200, "ok\0ok");
        String sid =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", "<Response><Hangup/></Response>")
                        .formParam("StatusCallback", RECEIVER.url(status))
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        await().atMost(DEADLINE)
                .until(() -> "delivered".equals(timeline(sid).getString("webhooks[0].state")));
        assertThat(RECEIVER.requests(sid, status)).hasSize(1);
        assertThat(timeline(sid).getString("requests[0].response_excerpt")).isEqualTo("ok\uFFFDok");
    }

    /**
     * Serves the document to a new call, which must complete after fetching it once; its
     * notifications' codes.
     */
    private static List<Integer> notificationsAfterOneFetchOf(String document) {
        String twiml = path("twiml");
        RECEIVER.twiml(twiml, document);
        String sid = create(RECEIVER.url(twiml));
        awaitStatus(sid, "completed");
        assertThat(RECEIVER.requests(sid, twiml)).hasSize(1);
        return errorCodes(sid);
    }

    private static String create(String url) {
        return asOne().formParam("To", uniqueNumber())
                .formParam("From", "+15005550006")
                .formParam("Url", url)
                .post(callsJson())
                .then()
                .statusCode(201)
                .extract()
                .path("sid");
    }

    private static List<Integer> errorCodes(String sid) {
        List<Map<String, Object>> notifications = timeline(sid).getList("notifications");
        return notifications.stream().map(n -> (Integer) n.get("error_code")).toList();
    }
}
