package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Someone calls the app's number: Dialtone requests its VoiceUrl and runs the app's TwiML. */
class InboundCallsTest extends LifecycleTest {

    @Test
    void aCallToTheAppsNumberRingsItsVoiceUrlAndTheCallersKeysRouteIt() {
        String app = path("voice");
        String route = path("route");
        String status = path("status");
        RECEIVER.twiml(
                app,
                "<Response><Gather numDigits=\"1\" action=\""
                        + RECEIVER.url(route)
                        + "\"><Say>Press 2 for support</Say></Gather></Response>");
        RECEIVER.twiml(route, "<Response><Say>Support</Say><Hangup/></Response>");
        String number = number(RECEIVER.url(app), RECEIVER.url(status));
        String caller = uniqueNumber();
        // The caller is scripted by their own number.
        asOne().formParam("From", caller)
                .formParam("Digits", "2")
                .post("/dialtone/scenarios")
                .then()
                .statusCode(201)
                .body("from", equalTo(caller));

        JsonPath ringing =
                asOne().formParam("From", caller)
                        .formParam("To", number)
                        .formParam("CallerName", "Ada")
                        .post("/dialtone/calls/inbound")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        String sid = ringing.getString("sid");
        assertThat(ringing.getString("direction")).isEqualTo("inbound");
        assertThat(ringing.getString("status")).isEqualTo("ringing");

        WebhookReceiver.Received voice = awaitRequests(sid, app, 1).get(0);
        assertThat(voice.parameter("CallStatus")).isEqualTo("ringing");
        assertThat(voice.parameter("Direction")).isEqualTo("inbound");
        assertThat(voice.parameter("Called")).isEqualTo(number);
        assertThat(voice.parameter("To")).isEqualTo(number);
        assertThat(voice.parameter("Caller")).isEqualTo(caller);
        assertThat(voice.parameter("From")).isEqualTo(caller);
        assertThat(voice.parameter("CallerName")).isEqualTo("Ada");
        assertThat(voice.signature()).isNotBlank();
        WebhookReceiver.Received routed = awaitRequests(sid, route, 1).get(0);
        assertThat(routed.parameter("Digits")).isEqualTo("2");
        assertThat(routed.parameter("CallStatus")).isEqualTo("in-progress");
        WebhookReceiver.Received completed = awaitRequests(sid, status, 1).get(0);
        assertThat(completed.parameter("CallStatus")).isEqualTo("completed");
        assertThat(completed.parameter("Direction")).isEqualTo("inbound");

        JsonPath call = awaitStatus(sid, "completed");
        assertThat(call.getString("from")).isEqualTo(caller);
        assertThat(call.getString("phone_number_sid")).startsWith("PN");
        List<String> inbound =
                asOne().queryParams(Map.of("To", number))
                        .get(callsJson())
                        .then()
                        .extract()
                        .path("calls.direction");
        assertThat(inbound).containsExactly("inbound");

        // The journal of what Dialtone asked the app, in order, as tests read it.
        JsonPath journal =
                asOne().queryParam("CallSid", sid)
                        .get("/dialtone/requests")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(journal.getList("requests.url"))
                .containsExactly(RECEIVER.url(app), RECEIVER.url(route), RECEIVER.url(status));
        assertThat(journal.getList("requests.kind"))
                .containsExactly("twiml", "twiml", "status-callback");
        assertThat(journal.getList("requests.call_sid")).containsOnly(sid);
        assertThat(journal.getString("requests[1].parameters.Digits")).isEqualTo("2");
        assertThat(
                        asOne().get("/dialtone/requests")
                                .then()
                                .extract()
                                .<List<String>>path("requests.call_sid"))
                .contains(sid);
        assertThat(
                        asTwo().get("/dialtone/requests")
                                .then()
                                .extract()
                                .<List<String>>path("requests.call_sid"))
                .doesNotContain(sid);
    }

    @Test
    void aResetForgetsTheAccountsNumbersAndNoOneElses() {
        String mine = number("https://app.example/voice", null);
        String theirs = uniqueNumber();
        String numbers = "/2010-04-01/Accounts/" + TestAccounts.TWO + "/IncomingPhoneNumbers";
        asTwo().formParam("PhoneNumber", theirs)
                .formParam("VoiceUrl", "https://app.example/voice")
                .post(numbers + ".json")
                .then()
                .statusCode(201);

        asTwo().post("/dialtone/reset").then().statusCode(200).body("deleted_numbers", equalTo(1));

        asTwo().get(numbers + ".json")
                .then()
                .body("incoming_phone_numbers", org.hamcrest.Matchers.empty());
        List<String> own =
                asOne().get(
                                "/2010-04-01/Accounts/"
                                        + TestAccounts.ONE
                                        + "/IncomingPhoneNumbers.json")
                        .then()
                        .extract()
                        .path("incoming_phone_numbers.phone_number");
        assertThat(own).contains(mine);
    }

    @Test
    void aRejectFirstRefusesTheCallUnanswered() {
        String app = path("voice");
        RECEIVER.twiml(app, "<Response><Reject reason=\"busy\"/></Response>");
        String number = number(RECEIVER.url(app), null);

        String sid =
                asOne().formParam("From", uniqueNumber())
                        .formParam("To", number)
                        .post("/dialtone/calls/inbound")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");

        awaitStatus(sid, "busy");
        assertThat(timeline(sid).getList("flow.event"))
                .contains("verb", "ended")
                .doesNotContain("answered");
    }

    @Test
    void onlyTheAccountsOwnNumbersCanBeCalled() {
        String number = number("https://app.example/voice", null);
        asOne().formParam("From", uniqueNumber())
                .formParam("To", uniqueNumber())
                .post("/dialtone/calls/inbound")
                .then()
                .statusCode(400)
                .body("code", equalTo(21211));
        asOne().formParam("To", number)
                .post("/dialtone/calls/inbound")
                .then()
                .statusCode(400)
                .body("code", equalTo(21213));
        asTwo().formParam("From", uniqueNumber())
                .formParam("To", number)
                .post("/dialtone/calls/inbound")
                .then()
                .statusCode(400)
                .body("code", equalTo(21211));
    }

    /** One of account one's numbers, sending its calls to {@code voiceUrl}. */
    private static String number(String voiceUrl, String statusCallback) {
        String e164 = uniqueNumber();
        var request = asOne().formParam("PhoneNumber", e164).formParam("VoiceUrl", voiceUrl);
        if (statusCallback != null) {
            request.formParam("StatusCallback", statusCallback);
        }
        request.post("/2010-04-01/Accounts/" + TestAccounts.ONE + "/IncomingPhoneNumbers.json")
                .then()
                .statusCode(201);
        return e164;
    }
}
