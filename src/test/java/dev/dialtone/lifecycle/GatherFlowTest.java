package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An app's IVR against a scripted callee: its own TwiML and action documents, served by a real
 * receiver, drive the call as Twilio would drive it.
 */
class GatherFlowTest extends LifecycleTest {

    @Test
    void anIvrGathersTheCalleesKeyAndRoutesToTheActionsDocument() {
        String to = uniqueNumber();
        scenario(to, "Digits", "1");
        String menu = path("menu");
        String sales = path("sales");
        RECEIVER.twiml(
                menu,
                "<Response><Gather numDigits=\"1\" action=\""
                        + RECEIVER.url(sales)
                        + "\" timeout=\"2\"><Say>Press 1 for sales</Say></Gather>"
                        + "<Say>We did not hear you</Say></Response>");
        RECEIVER.twiml(sales, "<Response><Say>Sales</Say><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(menu));
        advance("1m");

        WebhookReceiver.Received action = awaitRequests(sid, sales, 1).get(0);
        assertThat(action.method()).isEqualTo("POST");
        assertThat(action.parameter("Digits")).isEqualTo("1");
        assertThat(action.parameter("CallStatus")).isEqualTo("in-progress");
        assertThat(action.parameter("To")).isEqualTo(to);
        assertThat(action.parameter("AccountSid")).isEqualTo(TestAccounts.ONE);
        assertThat(action.signature()).isNotBlank();
        awaitStatus(sid, "completed");
        assertThat(RECEIVER.requests(sid, menu)).hasSize(1);
        // The timeline tells the flow in order.
        List<Map<String, String>> flow = timeline(sid).getList("flow");
        assertThat(flow)
                .extracting(step -> step.get("event") + " " + step.get("detail"))
                .containsExactly(
                        "answered null",
                        "document " + RECEIVER.url(menu),
                        "verb 0: <Gather>",
                        "heard Digits=1",
                        "document " + RECEIVER.url(sales),
                        "verb 0: <Say> Sales",
                        "verb 1: <Hangup>",
                        "ended completed");
    }

    @Test
    void eachGatherOfTheCallHearsTheCalleesNextEntry() {
        String to = uniqueNumber();
        scenario(to, "Digits", "1", "Digits", "4242#");
        String menu = path("menu");
        String account = path("account");
        String done = path("done");
        RECEIVER.twiml(
                menu,
                "<Response><Gather numDigits=\"1\" action=\""
                        + RECEIVER.url(account)
                        + "\"><Say>Press 1</Say></Gather></Response>");
        RECEIVER.twiml(
                account,
                "<Response><Gather action=\""
                        + RECEIVER.url(done)
                        + "\"><Say>Your account number, then the hash key</Say></Gather>"
                        + "</Response>");
        RECEIVER.twiml(done, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(menu));
        advance("1m");

        assertThat(awaitRequests(sid, account, 1).get(0).parameter("Digits")).isEqualTo("1");
        WebhookReceiver.Received second = awaitRequests(sid, done, 1).get(0);
        assertThat(second.parameter("Digits")).isEqualTo("4242");
        assertThat(second.parameter("FinishedOnKey")).isEqualTo("#");
        awaitStatus(sid, "completed");
    }

    @Test
    void aConfiguredRuleScriptsTheCalleeToo() {
        // application-fast.yml: silence at the first Gather, 2 at the second.
        String menu = path("menu");
        String action = path("action");
        RECEIVER.twiml(
                menu,
                "<Response><Gather numDigits=\"1\" timeout=\"1\" action=\""
                        + RECEIVER.url(action)
                        + "\"/><Gather numDigits=\"1\" timeout=\"1\" action=\""
                        + RECEIVER.url(action)
                        + "\"/></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl("+15559990102", RECEIVER.url(menu));
        advance("1m");

        assertThat(awaitRequests(sid, action, 1).get(0).parameter("Digits")).isEqualTo("2");
        awaitStatus(sid, "completed");
        assertThat(RECEIVER.requests(sid, action)).hasSize(1);
    }

    @Test
    void aGatherThatHearsNothingFallsThroughToTheNextVerb() {
        String menu = path("menu");
        String action = path("action");
        String after = path("after");
        RECEIVER.twiml(
                menu,
                "<Response><Gather timeout=\"1\" action=\""
                        + RECEIVER.url(action)
                        + "\"><Say>Hello</Say></Gather><Redirect>"
                        + RECEIVER.url(after)
                        + "</Redirect></Response>");
        RECEIVER.twiml(after, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(uniqueNumber(), RECEIVER.url(menu));
        advance("1m");

        WebhookReceiver.Received redirected = awaitRequests(sid, after, 1).get(0);
        assertThat(redirected.parameters()).doesNotContainKey("Digits");
        awaitStatus(sid, "completed");
        assertThat(RECEIVER.requests(sid, action)).isEmpty();
    }

    @Test
    void actionOnEmptyResultRequestsTheActionWithoutDigits() {
        String menu = path("menu");
        String action = path("action");
        RECEIVER.twiml(
                menu,
                "<Response><Gather timeout=\"1\" actionOnEmptyResult=\"true\" action=\""
                        + RECEIVER.url(action)
                        + "\"/></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(uniqueNumber(), RECEIVER.url(menu));
        advance("1m");

        WebhookReceiver.Received empty = awaitRequests(sid, action, 1).get(0);
        assertThat(empty.parameters()).doesNotContainKeys("Digits", "SpeechResult");
        awaitStatus(sid, "completed");
    }

    @Test
    void speechComesWithItsConfidence() {
        String to = uniqueNumber();
        scenario(to, "Speech", "I want sales");
        String menu = path("menu");
        String action = path("action");
        RECEIVER.twiml(
                menu,
                "<Response><Gather input=\"speech\" speechTimeout=\"1\" action=\""
                        + RECEIVER.url(action)
                        + "\"><Say>How can we help?</Say></Gather></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(menu));
        advance("1m");

        WebhookReceiver.Received heard = awaitRequests(sid, action, 1).get(0);
        assertThat(heard.parameter("SpeechResult")).isEqualTo("I want sales");
        assertThat(Double.parseDouble(heard.parameter("Confidence"))).isBetween(0.0, 1.0);
        assertThat(heard.parameters()).doesNotContainKey("Digits");
    }

    @Test
    void anAccountsOwnScenariosAreTriedBeforeTheConfiguredOnesNewestFirst() {
        // application-fast.yml makes this number busy; the account's rules come first.
        String busy = "+15559990486";
        scenario(busy, "Outcome", "no-answer");
        scenario(busy, "Outcome", "completed");
        String status = path("status");

        stopClock();
        String sid =
                asOne().formParam("To", busy)
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", "<Response><Hangup/></Response>")
                        .formParam("StatusCallback", RECEIVER.url(status))
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        advance("1m");

        awaitStatus(sid, "completed");
        assertThat(awaitRequests(sid, status, 1).get(0).parameter("CallStatus"))
                .isEqualTo("completed");
    }

    @Test
    void aTestAnswersAListeningGatherLiveAndSeesWhatTheCallIsDoing() {
        String menu = path("menu");
        String action = path("action");
        RECEIVER.twiml(
                menu,
                "<Response><Gather numDigits=\"1\" timeout=\"10\" action=\""
                        + RECEIVER.url(action)
                        + "\"><Say>Press a key</Say></Gather></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");
        String to = uniqueNumber();
        scenario(to, "TalkTime", "30s");
        String sid = callWithUrl(to, RECEIVER.url(menu));

        await().atMost(DEADLINE)
                .until(() -> "gathering".equals(timeline(sid).getString("now.doing")));
        assertThat(timeline(sid).getString("now.verb")).isEqualTo("Gather");
        asOne().formParam("Digits", "7")
                .formParam("SpeechResult", "seven")
                .post("/dialtone/calls/" + sid + "/input")
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().formParam("Digits", "7")
                .post("/dialtone/calls/" + sid + "/input")
                .then()
                .statusCode(200);

        assertThat(awaitRequests(sid, action, 1).get(0).parameter("Digits")).isEqualTo("7");
        awaitStatus(sid, "completed");
        assertThat(timeline(sid).getString("now.doing")).isEqualTo("ended");
        // A call that no longer listens refuses input in Twilio's error shape.
        asOne().formParam("Digits", "7")
                .post("/dialtone/calls/" + sid + "/input")
                .then()
                .statusCode(400)
                .body("code", equalTo(21220))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/21220"));
    }
}
