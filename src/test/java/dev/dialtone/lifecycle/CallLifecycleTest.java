package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.twilio.security.RequestValidator;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver.Received;
import io.restassured.path.json.JsonPath;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallLifecycleTest extends LifecycleTest {

    private static final String NEVER_ANSWERS = "+15559990487";
    private static final String HANG_UP_AFTER_HELLO =
            "<Response><Say>Hello</Say><Hangup/></Response>";

    @Test
    void sendsEveryRequestedEventInOrderWithTwiliosParameters() {
        String twiml = path("twiml");
        String status = path("status");
        RECEIVER.twiml(twiml, HANG_UP_AFTER_HELLO);
        String to = uniqueNumber();
        String sid =
                asOne().formParam("To", to)
                        .formParam("From", "+15005550006")
                        .formParam("Url", RECEIVER.url(twiml))
                        .formParam("StatusCallback", RECEIVER.url(status))
                        .formParam("StatusCallbackEvent", "initiated ringing answered completed")
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");

        List<Received> callbacks = awaitRequests(sid, status, 4);
        assertThat(callbacks)
                .extracting(r -> r.parameter("CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(callbacks)
                .extracting(r -> r.parameter("SequenceNumber"))
                .containsExactly("0", "1", "2", "3");
        for (Received callback : callbacks) {
            assertThat(callback.method()).isEqualTo("POST");
            assertThat(callback.parameters())
                    .containsEntry("CallSid", sid)
                    .containsEntry("AccountSid", TestAccounts.ONE)
                    .containsEntry("From", "+15005550006")
                    .containsEntry("To", to)
                    .containsEntry("ApiVersion", "2010-04-01")
                    .containsEntry("Direction", "outbound-api")
                    .containsEntry("CallbackSource", "call-progress-events")
                    .containsKeys("CallerName", "ForwardedFrom", "Timestamp")
                    .doesNotContainKey("ParentCallSid");
            ZonedDateTime.parse(
                    callback.parameter("Timestamp"),
                    DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US));
        }
        Received completed = callbacks.get(3);
        assertThat(completed.parameters())
                .containsKeys("CallDuration", "Duration")
                .doesNotContainKey("SipResponseCode");
        assertThat(callbacks.get(0).parameters()).doesNotContainKey("CallDuration");

        Received fetch = RECEIVER.requests(sid, twiml).get(0);
        assertThat(fetch.method()).isEqualTo("POST");
        assertThat(fetch.parameters())
                .containsEntry("CallStatus", "in-progress")
                .containsEntry("CallSid", sid)
                .containsEntry("Direction", "outbound-api")
                .containsKeys("CallerName", "ForwardedFrom", "ApiVersion");

        JsonPath call = asOne().get(callJson(sid)).then().statusCode(200).extract().jsonPath();
        assertThat(call.getString("status")).isEqualTo("completed");
        assertThat(call.getString("start_time")).isNotNull();
        assertThat(call.getString("end_time")).isNotNull();
        assertThat(call.getString("duration")).matches("\\d+");
        assertThat(call.getString("price")).matches("-0\\.\\d{5}");
        assertThat(Long.parseLong(call.getString("queue_time"))).isGreaterThanOrEqualTo(0);
        assertThat(completed.parameter("CallDuration")).isEqualTo(call.getString("duration"));
    }

    @Test
    void signsEveryRequestSoTwilioJavaValidatesIt() {
        String twiml = path("twiml");
        String status = path("status");
        RECEIVER.twiml(twiml, HANG_UP_AFTER_HELLO);
        String sid =
                create(
                        Map.of(
                                "Url",
                                RECEIVER.url(twiml),
                                "StatusCallback",
                                RECEIVER.url(status),
                                "StatusCallbackEvent",
                                "initiated answered completed"));
        List<Received> requests = new ArrayList<>(awaitRequests(sid, status, 3));
        requests.addAll(RECEIVER.requests(sid, twiml));
        RequestValidator validator = new RequestValidator(TestAccounts.ONE_TOKEN);
        for (Received request : requests) {
            assertThat(request.signature()).isNotBlank();
            assertThat(
                            validator.validate(
                                    request.url(), request.formParameters(), request.signature()))
                    .as("signature of %s %s", request.method(), request.url())
                    .isTrue();
            assertThat(
                            new RequestValidator("another-token")
                                    .validate(
                                            request.url(),
                                            request.formParameters(),
                                            request.signature()))
                    .isFalse();
        }
    }

    @Test
    void signsGetRequestsOverTheUrlWithItsQuery() {
        String twiml = path("twiml");
        String status = path("status");
        RECEIVER.twiml(twiml, HANG_UP_AFTER_HELLO);
        String sid =
                create(
                        Map.of(
                                "Url",
                                RECEIVER.url(twiml) + "?app=1",
                                "Method",
                                "GET",
                                "StatusCallback",
                                RECEIVER.url(status),
                                "StatusCallbackMethod",
                                "GET"));
        Received callback = awaitRequests(sid, status, 1).get(0);
        Received fetch = RECEIVER.requests(sid, twiml).get(0);
        RequestValidator validator = new RequestValidator(TestAccounts.ONE_TOKEN);
        for (Received request : List.of(callback, fetch)) {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.formParameters()).isEmpty();
            assertThat(request.parameter("CallSid")).isEqualTo(sid);
            assertThat(validator.validate(request.url(), Map.of(), request.signature())).isTrue();
        }
        assertThat(fetch.parameter("app")).isEqualTo("1");
    }

    @Test
    void sendsOnlyTheCompletedEventByDefault() {
        String twiml = path("twiml");
        String status = path("status");
        RECEIVER.twiml(twiml, HANG_UP_AFTER_HELLO);
        String sid =
                create(Map.of("Url", RECEIVER.url(twiml), "StatusCallback", RECEIVER.url(status)));
        awaitStatus(sid, "completed");
        List<Received> callbacks = awaitRequests(sid, status, 1);
        assertThat(callbacks).hasSize(1);
        assertThat(callbacks.get(0).parameter("CallStatus")).isEqualTo("completed");
        assertThat(callbacks.get(0).parameter("SequenceNumber")).isEqualTo("0");
    }

    @Test
    void fallsBackToTheFallbackUrlWhenTheUrlFails() {
        String broken = path("broken");
        String fallback = path("fallback");
        RECEIVER.answer(broken, 500, "oops");
        RECEIVER.twiml(fallback, HANG_UP_AFTER_HELLO);
        String sid =
                create(
                        Map.of(
                                "Url",
                                RECEIVER.url(broken),
                                "FallbackUrl",
                                RECEIVER.url(fallback),
                                "FallbackMethod",
                                "POST"));
        awaitStatus(sid, "completed");
        Received fallbackRequest = RECEIVER.requests(sid, fallback).get(0);
        assertThat(fallbackRequest.parameters())
                .containsEntry("ErrorCode", "11200")
                .containsEntry("ErrorUrl", RECEIVER.url(broken));
        List<Map<String, Object>> requests = timeline(sid).getList("requests");
        assertThat(requests)
                .extracting(r -> r.get("kind"))
                .containsExactly("twiml", "twiml-fallback");
        assertThat(requests.get(0))
                .containsEntry("status_code", 500)
                .containsEntry("response_excerpt", "oops");
        assertThat((String) requests.get(0).get("error")).contains("11200");
        assertThat(requests.get(1)).containsEntry("status_code", 200);
    }

    @Test
    void fallsBackOnUnparseableTwimlAndEndsWhenNothingWorks() {
        String garbage = path("garbage");
        String missing = path("missing");
        RECEIVER.answer(garbage, 200, "this is not xml");
        RECEIVER.answer(missing, 404, "");
        String sid =
                create(Map.of("Url", RECEIVER.url(garbage), "FallbackUrl", RECEIVER.url(missing)));
        JsonPath call = awaitStatus(sid, "completed");
        assertThat(call.getString("duration")).isNotNull();
        List<Map<String, Object>> requests = timeline(sid).getList("requests");
        assertThat(requests).hasSize(2);
        assertThat((String) requests.get(0).get("error")).startsWith("12100");
        assertThat((String) requests.get(1).get("error")).contains("404");
    }

    @Test
    void usesInlineTwimlWithoutAFetch() {
        String status = path("status");
        stopClock();
        String sid =
                create(
                        Map.of(
                                "Twiml",
                                "<Response><Pause length=\"1\"/><Hangup/></Response>",
                                "StatusCallback",
                                RECEIVER.url(status)));
        advance("10s");
        JsonPath call = asOne().get(callJson(sid)).then().extract().jsonPath();
        assertThat(call.getString("status")).isEqualTo("completed");
        assertThat(call.getString("duration")).isEqualTo("1");
        // The completed callback is the only request: nothing was fetched.
        assertThat(timeline(sid).getList("requests.kind")).containsExactly("status-callback");
    }

    @Test
    void endsUnansweredCallsAsNoAnswerAfterTheirTimeout() {
        String status = path("status");
        stopClock();
        String sid =
                asOne().formParam("To", NEVER_ANSWERS)
                        .formParam("From", "+15005550006")
                        .formParam("Url", "http://127.0.0.1:9/never")
                        .formParam("Timeout", "1")
                        .formParam("StatusCallback", RECEIVER.url(status))
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        advance("1070ms");
        JsonPath call = asOne().get(callJson(sid)).then().extract().jsonPath();
        assertThat(call.getString("status")).isEqualTo("no-answer");
        assertThat(call.getString("duration")).isNull();
        assertThat(call.getString("price")).isNull();
        Received completed = awaitRequests(sid, status, 1).get(0);
        assertThat(completed.parameters())
                .containsEntry("CallStatus", "no-answer")
                .containsEntry("SipResponseCode", "487")
                .containsEntry("CallDuration", "0");
    }

    @Test
    void capsTheCallAtItsTimeLimit() {
        stopClock();
        String sid =
                create(
                        Map.of(
                                "Twiml",
                                "<Response><Pause length=\"30\"/></Response>",
                                "TimeLimit",
                                "1"));
        advance("1069ms");
        assertThat(status(sid)).isEqualTo("in-progress");
        advance("1ms");
        JsonPath call = asOne().get(callJson(sid)).then().extract().jsonPath();
        assertThat(call.getString("status")).isEqualTo("completed");
        assertThat(call.getString("duration")).isEqualTo("1");
    }

    @Test
    void endsAtTheTalkTimeWhenTheTwimlLastsLonger() {
        stopClock();
        String sid =
                create(
                        Map.of(
                                "Twiml",
                                "<Response><Play loop=\"0\">http://a.test/music.mp3</Play></Response>"));
        advance("1m");
        JsonPath call = asOne().get(callJson(sid)).then().extract().jsonPath();
        assertThat(call.getString("status")).isEqualTo("completed");
        assertThat(call.getString("duration")).isEqualTo("3");
    }

    @Test
    void playsScenariosForBusyFailedAndMachineNumbers() {
        String status = path("status");
        String busy = callTo("+15559990486", status, Map.of());
        String failed = callTo("+15559990500", status, Map.of());
        String machine =
                callTo(
                        "+15559990999",
                        status,
                        Map.of(
                                "MachineDetection",
                                "Enable",
                                "StatusCallbackEvent",
                                "answered completed"));
        String human =
                callTo(uniqueNumber(), status, Map.of("MachineDetection", "DetectMessageEnd"));

        assertThat(awaitStatus(busy, "busy").getString("duration")).isNull();
        assertThat(awaitRequests(busy, status, 1).get(0).parameters())
                .containsEntry("CallStatus", "busy")
                .doesNotContainKey("SipResponseCode");
        awaitStatus(failed, "failed");
        assertThat(awaitRequests(failed, status, 1).get(0).parameters())
                .containsEntry("SipResponseCode", "500");
        assertThat(awaitStatus(machine, "completed").getString("answered_by"))
                .isEqualTo("machine_start");
        assertThat(awaitRequests(machine, status, 2))
                .allSatisfy(r -> assertThat(r.parameter("AnsweredBy")).isEqualTo("machine_start"));
        assertThat(awaitStatus(human, "completed").getString("answered_by")).isEqualTo("human");
    }

    @Test
    void matchesScenarioRulesByPattern() {
        String status = path("status");
        String sid = callTo("+14157771234", status, Map.of());
        awaitStatus(sid, "failed");
        assertThat(awaitRequests(sid, status, 1).get(0).parameters())
                .containsEntry("SipResponseCode", "404");
    }

    @Test
    void resetsOnlyTheCallersAccount() {
        String mine = create(Map.of());
        String theirs =
                asTwo().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", HANG_UP_AFTER_HELLO)
                        .post(calls(TestAccounts.TWO) + ".json")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        int deleted =
                asTwo().post("/dialtone/reset")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("deleted_calls");
        assertThat(deleted).isGreaterThanOrEqualTo(1);
        asTwo().get(calls(TestAccounts.TWO) + "/" + theirs + ".json").then().statusCode(404);
        asOne().get(callJson(mine)).then().statusCode(200);
    }

    @Test
    void followsRedirectAndHangsUpAtARejectForTheCallIsAnsweredAlready() {
        String first = path("first");
        String second = path("second");
        RECEIVER.twiml(
                first,
                "<Response><Say>One</Say><Redirect method=\"GET\">"
                        + second
                        + "</Redirect></Response>");
        RECEIVER.twiml(second, "<Response><Reject reason=\"busy\"/></Response>");
        String sid = create(Map.of("Url", RECEIVER.url(first)));
        awaitStatus(sid, "completed");
        assertThat(RECEIVER.requests(sid, second))
                .singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("GET"));

        String rejecting = create(Map.of("Twiml", "<Response><Reject/></Response>"));
        awaitStatus(rejecting, "completed");
    }

    @Test
    void aTimeLimitSetWhileTheCallTalksEndsItThere() {
        String to = uniqueNumber();
        scenario(to, "TalkTime", "60s");
        stopClock();
        String sid = create(to, Map.of("Twiml", "<Response><Pause length=\"50\"/></Response>"));
        advance("1s");
        assertThat(status(sid)).isEqualTo("in-progress");

        asOne().formParam("TimeLimit", "4").post(callJson(sid)).then().statusCode(200);

        advance("3069ms");
        assertThat(status(sid)).isEqualTo("in-progress");
        advance("1ms");
        assertThat(status(sid)).isEqualTo("completed");
        assertThat(asOne().get(callJson(sid)).then().extract().<String>path("duration"))
                .isEqualTo("4");
    }

    @Test
    void cancelsARingingCallByUpdateAndReportsIt() {
        String status = path("status");
        // This number rings until its Timeout (60 s here), so the call is surely ringing.
        String sid = callTo(NEVER_ANSWERS, status, Map.of());
        awaitStatus(sid, "ringing");
        asOne().formParam("Status", "canceled").post(callJson(sid)).then().statusCode(200);
        Received callback = awaitRequests(sid, status, 1).get(0);
        assertThat(callback.parameters()).containsEntry("CallStatus", "canceled");
        assertThat(asOne().get(callJson(sid)).then().extract().<String>path("status"))
                .isEqualTo("canceled");
    }

    @Test
    void holdsARingingCallPastItsTimeoutUntilReleased() {
        stopClock();
        String sid = callTo(NEVER_ANSWERS, null, Map.of("Timeout", "1"));
        asOne().formParam("Status", "ringing")
                .post("/dialtone/calls/" + sid + "/hold")
                .then()
                .statusCode(200);
        advance("1s");
        assertThat(status(sid)).isEqualTo("ringing");
        advance("1h");
        assertThat(status(sid)).as("held far past its 1 s timeout").isEqualTo("ringing");
        asOne().post("/dialtone/calls/" + sid + "/release").then().statusCode(200);
        advance("0s");
        assertThat(status(sid)).isEqualTo("no-answer");
    }

    @Test
    void completesAndRedirectsACallInProgressByUpdate() {
        String first = path("first");
        String next = path("next");
        RECEIVER.twiml(first, "<Response><Pause length=\"60\"/></Response>");
        RECEIVER.twiml(next, "<Response><Pause length=\"60\"/></Response>");
        String sid = create(Map.of("Url", RECEIVER.url(first)));
        // Held, the call stays in progress however long the test takes.
        asOne().formParam("Status", "in-progress")
                .post("/dialtone/calls/" + sid + "/hold")
                .then()
                .statusCode(200);
        awaitStatus(sid, "in-progress");
        await().atMost(DEADLINE).until(() -> !RECEIVER.requests(sid, first).isEmpty());
        asOne().formParam("Url", RECEIVER.url(next))
                .formParam("Method", "GET")
                .post(callJson(sid))
                .then()
                .statusCode(200);
        await().atMost(DEADLINE).until(() -> !RECEIVER.requests(sid, next).isEmpty());
        assertThat(RECEIVER.requests(sid, next).get(0).method()).isEqualTo("GET");
        asOne().formParam("Status", "completed").post(callJson(sid)).then().statusCode(200);
        assertThat(awaitStatus(sid, "completed").getString("duration")).isNotNull();
    }

    @Test
    void letsOperatorsHoldAndHangUpACall() {
        String twiml = path("twiml");
        RECEIVER.twiml(twiml, "<Response><Pause length=\"60\"/></Response>");
        String sid = create(Map.of("Url", RECEIVER.url(twiml)));
        asOne().formParam("Status", "in-progress")
                .post("/dialtone/calls/" + sid + "/hold")
                .then()
                .statusCode(200);
        awaitStatus(sid, "in-progress");
        asOne().formParam("Action", "hangup")
                .formParam("Status", "busy")
                .post("/dialtone/calls/" + sid + "/advance")
                .then()
                .statusCode(400)
                .body("code", equalTo(21220));
        String ended =
                asOne().formParam("Action", "hangup")
                        .post("/dialtone/calls/" + sid + "/advance")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status");
        assertThat(ended).isEqualTo("completed");
        asOne().formParam("Action", "ring")
                .post("/dialtone/calls/" + sid + "/advance")
                .then()
                .statusCode(400);
    }

    @Test
    void letsOperatorsAnswerAQueuedCallNow() {
        String sid =
                asOne().formParam("To", NEVER_ANSWERS)
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", HANG_UP_AFTER_HELLO)
                        .post(callsJson())
                        .then()
                        .extract()
                        .path("sid");
        asOne().formParam("Action", "answer")
                .post("/dialtone/calls/" + sid + "/advance")
                .then()
                .statusCode(200);
        awaitStatus(sid, "completed");
        asOne().formParam("Action", "dance")
                .post("/dialtone/calls/" + sid + "/advance")
                .then()
                .statusCode(400);
        asOne().post("/dialtone/calls/CA00000000000000000000000000000000/release")
                .then()
                .statusCode(404);
        io.restassured.RestAssured.given()
                .post("/dialtone/calls/" + sid + "/release")
                .then()
                .statusCode(401);
    }

    private static String status(String sid) {
        return asOne().get(callJson(sid)).then().extract().path("status");
    }

    private String create(Map<String, String> params) {
        return callTo(uniqueNumber(), null, params);
    }

    private String create(String to, Map<String, String> params) {
        return callTo(to, null, params);
    }

    private String callTo(String to, String statusPath, Map<String, String> params) {
        var request = asOne().formParam("To", to).formParam("From", "+15005550006");
        if (!params.containsKey("Url") && !params.containsKey("Twiml")) {
            request.formParam("Twiml", HANG_UP_AFTER_HELLO);
        }
        if (statusPath != null) {
            request.formParam("StatusCallback", RECEIVER.url(statusPath));
        }
        params.forEach(request::formParam);
        return request.post(callsJson()).then().statusCode(201).extract().path("sid");
    }
}
