package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.web.WebhookMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UpdateAndDeleteCallTest extends ApiTest {

    @Autowired CallStore calls;

    @Test
    void storesNewInstructionsOnALiveCall() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Url", "https://app.test/next")
                .formParam("Method", "GET")
                .formParam("FallbackUrl", "https://app.test/fb")
                .formParam("FallbackMethod", "GET")
                .formParam("StatusCallback", "https://app.test/cb")
                .formParam("StatusCallbackMethod", "GET")
                .formParam("TimeLimit", "30")
                .post(callJson(sid))
                .then()
                .statusCode(200)
                .body("sid", equalTo(sid))
                .body("status", equalTo("queued"));
        Call call = calls.find(sid, TestAccounts.ONE).orElseThrow();
        assertThat(call.url()).isEqualTo("https://app.test/next");
        assertThat(call.method()).isEqualTo(WebhookMethod.GET);
        assertThat(call.fallbackUrl()).isEqualTo("https://app.test/fb");
        assertThat(call.fallbackMethod()).isEqualTo(WebhookMethod.GET);
        assertThat(call.statusCallback()).isEqualTo("https://app.test/cb");
        assertThat(call.statusCallbackMethod()).isEqualTo(WebhookMethod.GET);
        assertThat(call.timeLimit()).isEqualTo(30);

        asOne().formParam("Twiml", "<Response><Hangup/></Response>")
                .post(callJson(sid))
                .then()
                .statusCode(200);
        Call redirected = calls.find(sid, TestAccounts.ONE).orElseThrow();
        assertThat(redirected.twiml()).isEqualTo("<Response><Hangup/></Response>");
        assertThat(redirected.url()).isNull();
    }

    @Test
    void cancelsAQueuedCall() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Status", "canceled")
                .post(callJson(sid))
                .then()
                .statusCode(200)
                .body("status", equalTo("canceled"))
                .body("end_time", notNullValue())
                .body("duration", nullValue());
    }

    @Test
    void cancelsARingingCall() {
        String sid = createTalkingCall(uniqueNumber());
        advance(sid, "ring");
        asOne().formParam("Status", "canceled")
                .post(callJson(sid))
                .then()
                .statusCode(200)
                .body("status", equalTo("canceled"));
    }

    @Test
    void leavesACallInProgressAloneWhenCanceled() {
        String sid = createTalkingCall(uniqueNumber());
        advance(sid, "answer");
        asOne().formParam("Status", "canceled")
                .post(callJson(sid))
                .then()
                .statusCode(200)
                .body("status", equalTo("in-progress"))
                .body("end_time", nullValue());
    }

    @Test
    void completesACallInProgressWithItsDuration() {
        clock.stopAt(Instant.parse("2026-05-04T03:02:01Z"));
        String sid = createTalkingCall(uniqueNumber());
        advance(sid, "answer");
        clock.advance(Duration.ofSeconds(7));
        String duration =
                asOne().formParam("Status", "completed")
                        .post(callJson(sid))
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("completed"))
                        .body("end_time", notNullValue())
                        .extract()
                        .path("duration");
        assertThat(duration).isEqualTo("7");
    }

    @Test
    void endsAQueuedCallAsCanceledWhenCompleted() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Status", "completed")
                .post(callJson(sid))
                .then()
                .statusCode(200)
                .body("status", equalTo("canceled"));
    }

    @Test
    void refusesToRedirectOrEndAnEndedCall() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Status", "canceled").post(callJson(sid)).then().statusCode(200);
        for (String[] param :
                new String[][] {
                    {"Url", "http://a.test/"},
                    {"Twiml", "<Response/>"},
                    {"Status", "completed"},
                    {"Status", "canceled"}
                }) {
            asOne().formParam(param[0], param[1])
                    .post(callJson(sid))
                    .then()
                    .statusCode(400)
                    .body("code", equalTo(21220))
                    .body("message", equalTo("Call is not in-progress. Cannot redirect."));
        }
        asOne().get(callJson(sid)).then().body("status", equalTo("canceled"));
    }

    @Test
    void refusesInvalidUpdates() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("StatusCallback", "http://a.test/cb")
                .post(callJson(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo(21205));
        asOne().formParam("Url", "http://a.test/")
                .formParam("Twiml", "<Response/>")
                .post(callJson(sid))
                .then()
                .statusCode(400);
        asOne().formParam("Status", "busy")
                .post(callJson(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().formParam("Url", "relative")
                .post(callJson(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo(21205));
        asOne().formParam("Method", "PATCH")
                .post(callJson(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo(21209));
        asOne().get(callJson(sid)).then().body("status", equalTo("queued"));
    }

    @Test
    void answersNotFoundForAnUnknownCall() {
        String path = callJson("CA0123456789abcdef0123456789abcdef");
        asOne().formParam("Status", "canceled")
                .post(path)
                .then()
                .statusCode(404)
                .body("code", equalTo(20404))
                .body("message", equalTo("The requested resource " + path + " was not found"));
        asOne().delete(path).then().statusCode(404).body("code", equalTo(20404));
    }

    @Test
    void refusesToDeleteALiveCall() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().delete(callJson(sid)).then().statusCode(400).body("code", equalTo(20009));
        asOne().get(callJson(sid)).then().statusCode(200);
    }

    @Test
    void deletesAnEndedCall() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Status", "canceled").post(callJson(sid)).then().statusCode(200);
        String body = asOne().delete(callJson(sid)).then().statusCode(204).extract().asString();
        assertThat(body).isEmpty();
        asOne().get(callJson(sid)).then().statusCode(404).body("code", equalTo(20404));
        asOne().delete(callJson(sid)).then().statusCode(404);
    }
}
