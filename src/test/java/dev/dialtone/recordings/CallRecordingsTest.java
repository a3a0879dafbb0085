package dev.dialtone.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.call.Recording;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.SpecSchemas;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recordings that last until they are stopped or their call ends: {@code Record=true} on create,
 * and the REST API's start, pause, resume and stop, with their status callbacks.
 */
class CallRecordingsTest extends LifecycleTest {

    private static final SpecSchemas SPEC = SpecSchemas.load("recording-schemas.json");

    @Test
    void recordTrueTellsTheRecordingCallbackAndTheCallsCompletedCallback() {
        String recordingStatus = path("recording-status");
        String callStatus = path("status");
        String sid =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", "<Response><Pause length=\"2\"/><Hangup/></Response>")
                        .formParam("Record", "true")
                        .formParam("RecordingChannels", "dual")
                        .formParam("RecordingStatusCallback", RECEIVER.url(recordingStatus))
                        .formParam("RecordingStatusCallbackEvent", "in-progress")
                        .formParam("RecordingStatusCallbackEvent", "completed")
                        .formParam("StatusCallback", RECEIVER.url(callStatus))
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");

        List<WebhookReceiver.Received> statuses = awaitRequests(sid, recordingStatus, 2);
        WebhookReceiver.Received completed = awaitRequests(sid, callStatus, 1).get(0);
        String duration = awaitStatus(sid, "completed").getString("duration");

        assertThat(statuses)
                .extracting(r -> r.parameter("RecordingStatus"))
                .containsExactly("in-progress", "completed");
        String recording = statuses.get(0).parameter("RecordingSid");
        assertThat(statuses)
                .allSatisfy(
                        r -> {
                            assertThat(r.parameter("RecordingSid")).isEqualTo(recording);
                            assertThat(r.parameter("RecordingSource")).isEqualTo("OutboundAPI");
                            assertThat(r.parameter("RecordingChannels")).isEqualTo("2");
                            assertThat(r.parameter("RecordingStartTime")).endsWith("+0000");
                        });
        assertThat(statuses.get(1).parameter("RecordingDuration")).isEqualTo(duration);
        assertThat(completed.parameter("CallStatus")).isEqualTo("completed");
        assertThat(completed.parameter("RecordingSid")).isEqualTo(recording);
        assertThat(completed.parameter("RecordingDuration")).isEqualTo(duration);
        assertThat(completed.parameter("RecordingUrl"))
                .isEqualTo(statuses.get(1).parameter("RecordingUrl"))
                .endsWith("/Recordings/" + recording);
    }

    @Test
    void aRecordingStartedPausedAndStoppedThroughTheApiRecordsTheTimeNotSkipped() {
        String status = path("recording-status");
        String to = uniqueNumber();
        scenario(to, "TalkTime", "1h");
        clock.stopAt(Instant.parse("2026-06-01T12:00:00Z"));
        String sid = createTalkingCall(to);
        advance(sid, "answer");
        TwilioRestClient client = sdk();

        Recording started =
                Recording.creator(sid)
                        .setRecordingStatusCallback(RECEIVER.url(status))
                        .setRecordingStatusCallbackEvent(List.of("in-progress", "completed"))
                        .create(client);
        assertThat(started.getStatus()).isEqualTo(Recording.Status.IN_PROGRESS);
        assertThat(started.getSource()).isEqualTo(Recording.Source.START_CALL_RECORDING_API);
        assertThat(started.getCallSid()).isEqualTo(sid);
        assertThat(started.getDuration()).isEqualTo("-1");
        // Time moves on once the callback is settled: a jump past its lease would send it again.
        awaitDelivered(sid, 1);

        clock.advance(Duration.ofSeconds(4));
        Recording paused =
                Recording.updater(sid, started.getSid(), Recording.Status.PAUSED)
                        .setPauseBehavior("skip")
                        .update(client);
        assertThat(paused.getStatus()).isEqualTo(Recording.Status.PAUSED);
        clock.advance(Duration.ofSeconds(10));
        Recording.updater(sid, "Twilio.CURRENT", Recording.Status.IN_PROGRESS).update(client);
        clock.advance(Duration.ofSeconds(3));
        Recording stopped =
                Recording.updater(sid, started.getSid(), Recording.Status.STOPPED).update(client);

        assertThat(stopped.getStatus()).isEqualTo(Recording.Status.COMPLETED);
        assertThat(stopped.getDuration()).isEqualTo("7");
        assertThat(Recording.fetcher(sid, started.getSid()).fetch(client).getDuration())
                .isEqualTo("7");
        assertThat(
                        SPEC.problems(
                                "api.v2010.account.call.call_recording",
                                asOne().get(
                                                account(
                                                        "/Calls/"
                                                                + sid
                                                                + "/Recordings/"
                                                                + started.getSid()
                                                                + ".json"))
                                        .jsonPath()
                                        .getMap("")))
                .isEmpty();
        List<WebhookReceiver.Received> statuses = awaitRequests(sid, status, 2);
        assertThat(statuses)
                .extracting(r -> r.parameter("RecordingStatus"))
                .containsExactly("in-progress", "completed");
        assertThat(statuses.get(1).parameter("RecordingDuration")).isEqualTo("7");
        assertThat(statuses.get(1).parameter("RecordingSource")).isEqualTo("StartCallRecordingAPI");

        // Over is over: it cannot be resumed.
        assertThatThrownBy(
                        () ->
                                Recording.updater(
                                                sid, started.getSid(), Recording.Status.IN_PROGRESS)
                                        .update(client))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21220));
        advance(sid, "hangup", "completed");
    }

    @Test
    void aRecordingStillUnderWayEndsWithItsCall() {
        String to = uniqueNumber();
        scenario(to, "TalkTime", "1h");
        clock.stopAt(Instant.parse("2026-06-02T12:00:00Z"));
        String sid = createTalkingCall(to);
        advance(sid, "answer");
        Recording started = Recording.creator(sid).create(sdk());

        clock.advance(Duration.ofSeconds(5));
        advance(sid, "hangup", "completed");

        Recording ended = Recording.fetcher(sid, started.getSid()).fetch(sdk());
        assertThat(ended.getStatus()).isEqualTo(Recording.Status.COMPLETED);
        assertThat(ended.getDuration()).isEqualTo("5");
    }

    @Test
    void onlyACallInProgressCanBeRecorded() {
        clock.stopAt(Instant.parse("2026-06-03T12:00:00Z"));
        String queued = createTalkingCall(uniqueNumber());

        asOne().post(account("/Calls/" + queued + "/Recordings.json"))
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo(21220));
        asTwo().post(
                        "/2010-04-01/Accounts/"
                                + TestAccounts.TWO
                                + "/Calls/"
                                + queued
                                + "/Recordings.json")
                .then()
                .statusCode(404);
        asOne().formParam("Status", "resumed")
                .post(account("/Calls/" + queued + "/Recordings/Twilio.CURRENT.json"))
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo(20422));
        asOne().post(account("/Calls/" + queued + "/Recordings/Twilio.CURRENT.json"))
                .then()
                .statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo(20001));
        asOne().formParam("Status", "paused")
                .post(account("/Calls/" + queued + "/Recordings/Twilio.CURRENT.json"))
                .then()
                .statusCode(404);
        advance(queued, "hangup", "canceled");
    }

    @Test
    void aSilentRecordIsAbsent() {
        String to = uniqueNumber();
        scenario(to, "RecordTime", "0s", "TalkTime", "30s");
        String app = path("app");
        String saved = path("saved");
        String status = path("recording-status");
        RECEIVER.twiml(
                app,
                "<Response><Record timeout=\"1\" action=\""
                        + RECEIVER.url(saved)
                        + "\" recordingStatusCallback=\""
                        + RECEIVER.url(status)
                        + "\" recordingStatusCallbackEvent=\"completed absent\"/></Response>");
        RECEIVER.twiml(saved, "<Response><Hangup/></Response>");

        String sid = callWithUrl(to, RECEIVER.url(app));

        WebhookReceiver.Received absent = awaitRequests(sid, status, 1).get(0);
        assertThat(absent.parameter("RecordingStatus")).isEqualTo("absent");
        assertThat(absent.parameter("RecordingDuration")).isEqualTo("0");
        assertThat(
                        Recording.fetcher(sid, absent.parameter("RecordingSid"))
                                .fetch(sdk())
                                .getStatus())
                .isEqualTo(Recording.Status.ABSENT);
    }

    private static String account(String tail) {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + tail;
    }
}
