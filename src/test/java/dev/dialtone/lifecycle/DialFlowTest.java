package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code <Dial>} places real legs: calls of their own, listed with their parent, whose fate their
 * scenarios decide; the app's action hears how the dial went.
 */
class DialFlowTest extends LifecycleTest {

    @Test
    void aDialToAnAnsweringNumberBridgesAndReportsTheLegAndItsTalk() {
        String callee = uniqueNumber();
        scenario(callee, "TalkTime", "2s");
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(
                app,
                "<Response><Dial timeout=\"10\" action=\""
                        + RECEIVER.url(action)
                        + "\"><Number>"
                        + callee
                        + "</Number></Dial></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        assertThat(done.parameter("DialCallStatus")).isEqualTo("completed");
        assertThat(done.parameter("DialCallDuration")).isEqualTo("2");
        String leg = done.parameter("DialCallSid");
        awaitStatus(parent, "completed");
        JsonPath child = awaitStatus(leg, "completed");
        assertThat(child.getString("parent_call_sid")).isEqualTo(parent);
        assertThat(child.getString("direction")).isEqualTo("outbound-dial");
        assertThat(child.getString("to")).isEqualTo(callee);
        assertThat(child.getString("from")).isEqualTo("+15005550006");
        assertThat(child.getString("duration")).isEqualTo("2");
        assertThat(legsOf(parent)).containsExactly(leg);
        List<Map<String, String>> flow = timeline(parent).getList("flow");
        assertThat(flow)
                .extracting(step -> step.get("event"))
                .containsSubsequence("document", "dialing", "dial-over", "document", "ended");
        assertThat(flow)
                .filteredOn(step -> step.get("event").equals("dialing"))
                .singleElement()
                .satisfies(step -> assertThat(step.get("detail")).isEqualTo(leg + " to " + callee));
    }

    @Test
    void aBusyNumberEndsTheDialBusy() {
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(app, dial(action, "", "<Number>+15559990486</Number>"));
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        assertThat(done.parameter("DialCallStatus")).isEqualTo("busy");
        assertThat(done.parameter("DialCallDuration")).isEqualTo("0");
        assertThat(awaitStatus(done.parameter("DialCallSid"), "busy").getString("parent_call_sid"))
                .isEqualTo(parent);
    }

    @Test
    void aNumberThatNeverAnswersEndsTheDialAfterItsTimeout() {
        String callee = uniqueNumber();
        scenario(callee, "Outcome", "no-answer");
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(app, dial(action, " timeout=\"1\"", "<Number>" + callee + "</Number>"));
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        assertThat(done.parameter("DialCallStatus")).isEqualTo("no-answer");
        awaitStatus(done.parameter("DialCallSid"), "no-answer");
    }

    @Test
    void ofNumbersRungAtOnceTheFirstToAnswerWinsAndTheOtherIsCanceled() {
        String slow = uniqueNumber();
        String quick = uniqueNumber();
        scenario(slow, "RingTime", "3s");
        scenario(quick, "RingTime", "200ms", "TalkTime", "1s");
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(
                app,
                dial(action, "", "<Number>" + slow + "</Number><Number>" + quick + "</Number>"));
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        String winner = done.parameter("DialCallSid");
        assertThat(awaitStatus(winner, "completed").getString("to")).isEqualTo(quick);
        List<String> legs = legsOf(parent);
        assertThat(legs).hasSize(2).contains(winner);
        String loser = legs.stream().filter(l -> !l.equals(winner)).findFirst().orElseThrow();
        JsonPath lost = awaitStatus(loser, "canceled");
        assertThat(lost.getString("to")).isEqualTo(slow);
    }

    @Test
    void withoutAnActionTheCallGoesOnWithTheVerbAfterTheDial() {
        String app = path("app");
        String after = path("after");
        RECEIVER.twiml(
                app,
                "<Response><Dial timeout=\"5\">+15559990486</Dial><Redirect>"
                        + RECEIVER.url(after)
                        + "</Redirect></Response>");
        RECEIVER.twiml(after, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received redirected = awaitRequests(parent, after, 1).get(0);
        assertThat(redirected.parameters()).doesNotContainKey("DialCallStatus");
        awaitStatus(parent, "completed");
        assertThat(legsOf(parent)).hasSize(1);
    }

    @Test
    void aNumbersStatusCallbackHearsTheLegWithItsParent() {
        String callee = uniqueNumber();
        String legStatus = path("leg-status");
        String app = path("app");
        RECEIVER.twiml(
                app,
                "<Response><Dial><Number statusCallback=\""
                        + RECEIVER.url(legStatus)
                        + "\" statusCallbackEvent=\"initiated ringing answered completed\">"
                        + callee
                        + "</Number></Dial></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        awaitStatus(parent, "completed");
        String leg = legsOf(parent).get(0);
        List<WebhookReceiver.Received> callbacks = awaitRequests(leg, legStatus, 4);
        assertThat(callbacks)
                .extracting(r -> r.parameter("CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed");
        assertThat(callbacks)
                .allSatisfy(
                        r -> {
                            assertThat(r.parameter("ParentCallSid")).isEqualTo(parent);
                            assertThat(r.parameter("Direction")).isEqualTo("outbound-dial");
                        });
    }

    @Test
    void hangingUpTheCallerEndsTheLegItDials() {
        String callee = uniqueNumber();
        scenario(callee, "RingTime", "30s");
        String app = path("app");
        RECEIVER.twiml(
                app,
                "<Response><Dial timeout=\"40\"><Number>" + callee + "</Number></Dial></Response>");
        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1s");
        await().atMost(DEADLINE).until(() -> legsOf(parent).size() == 1);
        String leg = legsOf(parent).get(0);
        awaitStatus(leg, "ringing");

        asOne().formParam("Status", "completed").post(callJson(parent)).then().statusCode(200);
        advance("0s");

        assertThat(status(leg)).isEqualTo("canceled");
    }

    @Test
    void aDialThatRecordsMakesADialVerbRecordingOfTheBridgedPart() {
        String callee = uniqueNumber();
        scenario(callee, "TalkTime", "2s");
        String app = path("app");
        String action = path("action");
        String status = path("recording-status");
        RECEIVER.twiml(
                app,
                dial(
                        action,
                        " record=\"record-from-answer-dual\" recordingStatusCallback=\""
                                + RECEIVER.url(status)
                                + "\"",
                        "<Number>" + callee + "</Number>"));
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        WebhookReceiver.Received recorded = awaitRequests(parent, status, 1).get(0);
        assertThat(recorded.parameter("RecordingStatus")).isEqualTo("completed");
        assertThat(recorded.parameter("RecordingSource")).isEqualTo("DialVerb");
        assertThat(recorded.parameter("RecordingChannels")).isEqualTo("2");
        assertThat(recorded.parameter("RecordingDuration")).isEqualTo("2");
        assertThat(recorded.parameter("CallSid")).isEqualTo(parent);
        assertThat(done.parameter("RecordingUrl")).isEqualTo(recorded.parameter("RecordingUrl"));
        List<String> sources =
                asOne().get(
                                "/2010-04-01/Accounts/"
                                        + dev.dialtone.support.TestAccounts.ONE
                                        + "/Calls/"
                                        + parent
                                        + "/Recordings.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("recordings.source");
        assertThat(sources).containsExactly("DialVerb");
    }

    @Test
    void withHangupOnStarTheCallersStarDropsTheLegAndTheCallGoesOn() {
        String caller = uniqueNumber();
        scenario(caller, "Digits", "*", "InputDelay", "1s", "TalkTime", "30s");
        String callee = uniqueNumber();
        scenario(callee, "TalkTime", "1h");
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(
                app, dial(action, " hangupOnStar=\"true\"", "<Number>" + callee + "</Number>"));
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(caller, RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        assertThat(done.parameter("DialCallStatus")).isEqualTo("completed");
        assertThat(done.parameter("DialCallDuration")).isEqualTo("1");
        assertThat(awaitStatus(done.parameter("DialCallSid"), "completed").getString("duration"))
                .isEqualTo("1");
    }

    @Test
    void aLegHungUpThroughTheApiEndsTheDialAtOnce() {
        String callee = uniqueNumber();
        scenario(callee, "TalkTime", "1h");
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(app, dial(action, "", "<Number>" + callee + "</Number>"));
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");
        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1s");
        await().atMost(DEADLINE).until(() -> legsOf(parent).size() == 1);
        String leg = legsOf(parent).get(0);
        awaitStatus(leg, "in-progress");

        asOne().formParam("Status", "completed").post(callJson(leg)).then().statusCode(200);
        advance("0s");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        assertThat(done.parameter("DialCallStatus")).isEqualTo("completed");
        assertThat(done.parameter("DialCallSid")).isEqualTo(leg);
        assertThat(done.parameter("DialCallDuration"))
                .isEqualTo(awaitStatus(leg, "completed").getString("duration"));
        awaitStatus(parent, "completed");
    }

    @Test
    void theCallersTimeLimitEndsItsDialAndTheLeg() {
        String callee = uniqueNumber();
        scenario(callee, "TalkTime", "1h");
        String app = path("app");
        String action = path("action");
        RECEIVER.twiml(app, dial(action, "", "<Number>" + callee + "</Number>"));
        stopClock();
        String parent =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Url", RECEIVER.url(app))
                        .formParam("TimeLimit", "2")
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        advance("2069ms");
        assertThat(status(parent)).isEqualTo("in-progress");
        advance("1ms");

        assertThat(awaitStatus(parent, "completed").getString("duration")).isEqualTo("2");
        await().atMost(DEADLINE).until(() -> legsOf(parent).size() == 1);
        awaitStatus(legsOf(parent).get(0), "completed");
        assertThat(RECEIVER.requests(parent, action)).isEmpty();
    }

    @Test
    void aNumbersWhisperRunsOnTheLegWhichIsBridgedWhenItEnds() {
        String callee = uniqueNumber();
        scenario(callee, "Digits", "1", "TalkTime", "3s");
        String app = path("app");
        String whisper = path("whisper");
        String accepted = path("accepted");
        String action = path("action");
        RECEIVER.twiml(
                app,
                dial(
                        action,
                        "",
                        "<Number url=\"" + RECEIVER.url(whisper) + "\">" + callee + "</Number>"));
        RECEIVER.twiml(
                whisper,
                "<Response><Gather numDigits=\"1\" action=\""
                        + RECEIVER.url(accepted)
                        + "\"><Say>Press 1 to take the call</Say></Gather><Hangup/></Response>");
        RECEIVER.twiml(accepted, "<Response><Say>Connecting</Say></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        String leg = done.parameter("DialCallSid");
        WebhookReceiver.Received asked = awaitRequests(leg, whisper, 1).get(0);
        assertThat(asked.parameter("ParentCallSid")).isEqualTo(parent);
        assertThat(asked.parameter("Direction")).isEqualTo("outbound-dial");
        assertThat(asked.parameter("CallStatus")).isEqualTo("in-progress");
        assertThat(awaitRequests(leg, accepted, 1).get(0).parameter("Digits")).isEqualTo("1");
        assertThat(done.parameter("DialCallStatus")).isEqualTo("completed");
        assertThat(done.parameter("DialBridged")).isEqualTo("true");
        // Three seconds of talk, less the whisper's.
        assertThat(done.parameter("DialCallDuration")).isEqualTo("2");
        awaitStatus(leg, "completed");
    }

    @Test
    void aLegThatHangsUpInItsWhisperIsNeverBridged() {
        String callee = uniqueNumber();
        scenario(callee, "TalkTime", "30s");
        String app = path("app");
        String whisper = path("whisper");
        String action = path("action");
        RECEIVER.twiml(
                app,
                dial(
                        action,
                        "",
                        "<Number url=\"" + RECEIVER.url(whisper) + "\">" + callee + "</Number>"));
        RECEIVER.twiml(whisper, "<Response><Say>Declined</Say><Hangup/></Response>");
        RECEIVER.twiml(action, "<Response><Hangup/></Response>");

        stopClock();
        String parent = callWithUrl(uniqueNumber(), RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received done = awaitRequests(parent, action, 1).get(0);
        assertThat(done.parameter("DialCallStatus")).isEqualTo("completed");
        assertThat(done.parameter("DialBridged")).isEqualTo("false");
        assertThat(done.parameter("DialCallDuration")).isEqualTo("0");
        assertThat(RECEIVER.requests(done.parameter("DialCallSid"), whisper)).hasSize(1);
    }

    private static String dial(String action, String attributes, String nouns) {
        return "<Response><Dial action=\""
                + RECEIVER.url(action)
                + "\""
                + attributes
                + ">"
                + nouns
                + "</Dial></Response>";
    }

    private static List<String> legsOf(String parent) {
        return asOne().queryParams(Map.of("ParentCallSid", parent))
                .get(callsJson())
                .then()
                .statusCode(200)
                .extract()
                .path("calls.sid");
    }

    private static String status(String sid) {
        return asOne().get(callJson(sid)).then().extract().path("status");
    }
}
