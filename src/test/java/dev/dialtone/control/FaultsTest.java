package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults on demand: the API answers an error or late, Dialtone's own requests fail. */
class FaultsTest extends LifecycleTest {

    @AfterEach
    void removeFaults() {
        List<String> sids = asOne().get("/dialtone/faults").then().extract().path("faults.sid");
        sids.forEach(s -> asOne().delete("/dialtone/faults/" + s).then().statusCode(204));
    }

    @Test
    void theNextCreateAnswers429AsTwilioDoesAndTheOneAfterGoesThrough() {
        String sid =
                asOne().formParam("Method", "POST")
                        .formParam("Path", "/2010-04-01/Accounts/*/Calls.json")
                        .formParam("Status", "429")
                        .formParam("Count", "1")
                        .post("/dialtone/faults")
                        .then()
                        .statusCode(201)
                        .body("direction", equalTo("inbound"))
                        .body("count", equalTo(1))
                        .extract()
                        .path("sid");
        assertThat(sid).matches("DF[0-9a-f]{32}");

        asOne().formParam("To", uniqueNumber())
                .formParam("From", "+15005550006")
                .formParam("Twiml", "<Response><Hangup/></Response>")
                .post(callsJson())
                .then()
                .statusCode(429)
                .body("code", equalTo(20429))
                .body("message", equalTo("Too Many Requests"));
        asOne().get("/dialtone/faults").then().body("faults[0].count", equalTo(0));
        assertThat(create(sdk()).getSid()).as("the rule is spent").startsWith("CA");

        // twilio-java retries a 429 by itself: the app's create goes through.
        asOne().formParam("Method", "POST")
                .formParam("Path", "/2010-04-01/Accounts/*/Calls.json")
                .formParam("Status", "429")
                .formParam("Count", "1")
                .post("/dialtone/faults")
                .then()
                .statusCode(201);
        assertThat(create(sdk()).getSid()).startsWith("CA");
        asOne().get("/dialtone/faults").then().body("faults[1].count", equalTo(0));
        // Account two's requests meet none of account one's rules.
        asOne().formParam("Path", "/2010-04-01/Accounts/*/Calls.json")
                .formParam("Status", "503")
                .post("/dialtone/faults")
                .then()
                .statusCode(201);
        asTwo().formParam("To", uniqueNumber())
                .formParam("From", "+15005550006")
                .formParam("Twiml", "<Response><Hangup/></Response>")
                .post("/2010-04-01/Accounts/" + TestAccounts.TWO + "/Calls.json")
                .then()
                .statusCode(201);
        asOne().formParam("To", uniqueNumber())
                .formParam("From", "+15005550006")
                .formParam("Twiml", "<Response><Hangup/></Response>")
                .post(callsJson())
                .then()
                .statusCode(503)
                .body("code", equalTo(20503));
    }

    @Test
    void aLatencyRuleHoldsTheRequestBackThenLetsItThrough() {
        String call = createTalkingCall(uniqueNumber());
        asOne().formParam("Method", "GET")
                .formParam("Path", "/2010-04-01/Accounts/*/Calls/*.json")
                .formParam("Latency", "300ms")
                .formParam("Count", "1")
                .post("/dialtone/faults")
                .then()
                .statusCode(201)
                .body("latency", equalTo("300ms"));

        long started = System.nanoTime();
        asOne().get(callJson(call)).then().statusCode(200);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        asOne().formParam("Status", "completed").post(callJson(call)).then().statusCode(200);
    }

    @Test
    void anOutboundRuleRefusesTheConnectionAndTheCallFallsBack() {
        String broken = path("app");
        String fallback = path("fallback");
        RECEIVER.twiml(broken, "<Response><Hangup/></Response>");
        RECEIVER.twiml(fallback, "<Response><Hangup/></Response>");
        String fault =
                asOne().formParam("Direction", "outbound")
                        .formParam("Path", RECEIVER.url(broken))
                        .formParam("Error", "refused")
                        .post("/dialtone/faults")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        String sid =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Url", RECEIVER.url(broken))
                        .formParam("FallbackUrl", RECEIVER.url(fallback))
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");

        WebhookReceiver.Received fellBack = awaitRequests(sid, fallback, 1).get(0);
        assertThat(fellBack.parameter("ErrorCode")).isEqualTo("11205");
        assertThat(RECEIVER.requests(sid, broken)).isEmpty();
        List<Map<String, Object>> requests = timeline(sid).getList("requests");
        assertThat(requests.get(0).get("error").toString()).contains("fault " + fault);
    }

    @Test
    void aRuleThatMakesNoSenseIsRefusedAsTwilioRefusesBadInput() {
        asOne().formParam("Status", "429")
                .post("/dialtone/faults")
                .then()
                .statusCode(400)
                .body("code", equalTo(20001));
        asOne().formParam("Path", "/x")
                .formParam("Status", "404")
                .post("/dialtone/faults")
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().formParam("Path", "/x")
                .post("/dialtone/faults")
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().delete("/dialtone/faults/DF00000000000000000000000000000000")
                .then()
                .statusCode(404);
    }

    private static Call create(TwilioRestClient client) {
        return Call.creator(
                        new PhoneNumber(uniqueNumber()),
                        new PhoneNumber("+15005550006"),
                        URI.create("http://127.0.0.1:9/never"))
                .create(client);
    }
}
