package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import dev.dialtone.junit.DialtoneHttpClient;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.SpecSchemas;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A voicemail: the app says its greeting, {@code <Record>} takes the callee's message, the action
 * hears where the recording is, and the recording is a resource with audio the app can download.
 */
class RecordFlowTest extends LifecycleTest {

    private static final SpecSchemas SPEC = SpecSchemas.load("recording-schemas.json");

    @Test
    void aVoicemailIsRecordedListedAndDownloadable() {
        String to = uniqueNumber();
        scenario(to, "RecordTime", "2s", "Digits", "#", "TalkTime", "30s");
        String app = path("app");
        String saved = path("saved");
        RECEIVER.twiml(
                app,
                "<Response><Say>Leave a message after the beep</Say><Record maxLength=\"20\""
                        + " action=\""
                        + RECEIVER.url(saved)
                        + "\"/><Say>never reached</Say></Response>");
        RECEIVER.twiml(saved, "<Response><Say>Thank you</Say><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received action = awaitRequests(sid, saved, 1).get(0);
        String recording = action.parameter("RecordingSid");
        assertThat(recording).matches("RE[0-9a-f]{32}");
        assertThat(action.parameter("RecordingDuration")).isEqualTo("2");
        assertThat(action.parameter("Digits")).isEqualTo("#");
        assertThat(action.parameter("RecordingUrl"))
                .isEqualTo(
                        "http://localhost:"
                                + port
                                + "/2010-04-01/Accounts/"
                                + TestAccounts.ONE
                                + "/Recordings/"
                                + recording);
        awaitStatus(sid, "completed");

        // twilio-java reads the call's recordings and the account's recording.
        TwilioRestClient client =
                new TwilioRestClient.Builder(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                        .httpClient(new DialtoneHttpClient("http://localhost:" + port))
                        .build();
        List<com.twilio.rest.api.v2010.account.call.Recording> ofCall = new java.util.ArrayList<>();
        com.twilio.rest.api.v2010.account.call.Recording.reader(sid)
                .read(client)
                .forEach(ofCall::add);
        assertThat(ofCall)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.getSid()).isEqualTo(recording);
                            assertThat(r.getCallSid()).isEqualTo(sid);
                            assertThat(r.getDuration()).isEqualTo("2");
                            assertThat(r.getStatus().toString()).isEqualTo("completed");
                            assertThat(r.getSource().toString()).isEqualTo("RecordVerb");
                        });
        com.twilio.rest.api.v2010.account.Recording fetched =
                com.twilio.rest.api.v2010.account.Recording.fetcher(recording).fetch(client);
        assertThat(fetched.getMediaUrl().toString()).isEqualTo(action.parameter("RecordingUrl"));

        // The JSON is the spec's.
        Response list = asOne().get(account("/Calls/" + sid + "/Recordings.json"));
        assertThat(SPEC.problems("ListCallRecordingResponse", list.jsonPath().getMap("")))
                .as(list.asString())
                .isEmpty();
        Response one = asOne().get(account("/Recordings/" + recording + ".json"));
        assertThat(SPEC.problems("api.v2010.account.recording", one.jsonPath().getMap("")))
                .as(one.asString())
                .isEmpty();
        Response all = asOne().queryParam("CallSid", sid).get(account("/Recordings.json"));
        assertThat(SPEC.problems("ListRecordingResponse", all.jsonPath().getMap(""))).isEmpty();
        assertThat(all.jsonPath().getList("recordings.sid")).containsExactly(recording);

        // The audio: a WAV file as long as the recording.
        byte[] wav =
                asOne().urlEncodingEnabled(false)
                        .get(action.parameter("RecordingUrl"))
                        .then()
                        .statusCode(200)
                        .contentType("audio/x-wav")
                        .extract()
                        .asByteArray();
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        int byteRate = header.getInt(28);
        int dataSize = header.getInt(40);
        assertThat(dataSize / byteRate).isEqualTo(2);
        assertThat(wav).hasSize(44 + dataSize);

        List<Map<String, String>> flow = timeline(sid).getList("flow");
        assertThat(flow).extracting(step -> step.get("event")).contains("recording");

        asOne().delete(account("/Recordings/" + recording + ".json")).then().statusCode(204);
        asOne().get(account("/Recordings/" + recording + ".json")).then().statusCode(404);
    }

    @Test
    void theRecordingsStatusCallbackHearsItStartAndComplete() {
        String to = uniqueNumber();
        scenario(to, "RecordTime", "1s", "Digits", "#", "TalkTime", "30s");
        String app = path("app");
        String saved = path("saved");
        String status = path("recording-status");
        RECEIVER.twiml(
                app,
                "<Response><Record action=\""
                        + RECEIVER.url(saved)
                        + "\" recordingStatusCallback=\""
                        + RECEIVER.url(status)
                        + "\" recordingStatusCallbackEvent=\"in-progress completed\"/></Response>");
        RECEIVER.twiml(saved, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(app));
        advance("1m");

        String recording = awaitRequests(sid, saved, 1).get(0).parameter("RecordingSid");
        List<WebhookReceiver.Received> statuses = awaitRequests(sid, status, 2);
        assertThat(statuses)
                .extracting(r -> r.parameter("RecordingStatus"))
                .containsExactly("in-progress", "completed");
        assertThat(statuses)
                .allSatisfy(
                        r -> {
                            assertThat(r.parameter("RecordingSid")).isEqualTo(recording);
                            assertThat(r.parameter("RecordingSource")).isEqualTo("RecordVerb");
                            assertThat(r.parameter("RecordingChannels")).isEqualTo("1");
                            assertThat(r.signature()).isNotBlank();
                        });
        assertThat(statuses.get(1).parameter("RecordingDuration")).isEqualTo("1");
    }

    @Test
    void aRecordEndsAfterItsTimeoutOfSilenceAndTrimsItAway() {
        String to = uniqueNumber();
        scenario(to, "RecordTime", "1s", "TalkTime", "30s");
        String app = path("app");
        String saved = path("saved");
        RECEIVER.twiml(
                app,
                "<Response><Record timeout=\"1\" action=\""
                        + RECEIVER.url(saved)
                        + "\"/></Response>");
        RECEIVER.twiml(saved, "<Response><Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(app));
        advance("1m");

        WebhookReceiver.Received action = awaitRequests(sid, saved, 1).get(0);
        assertThat(action.parameter("RecordingDuration")).isEqualTo("1");
        assertThat(action.parameter("Digits")).isEmpty();
    }

    @Test
    void recordTrueOnCreateRecordsTheWholeAnsweredCall() {
        stopClock();
        String sid =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Twiml", "<Response><Pause length=\"2\"/><Hangup/></Response>")
                        .formParam("Record", "true")
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        advance("1m");

        String duration = awaitStatus(sid, "completed").getString("duration");

        Response list = asOne().get(account("/Calls/" + sid + "/Recordings.json"));
        assertThat(SPEC.problems("ListCallRecordingResponse", list.jsonPath().getMap("")))
                .isEmpty();
        assertThat(list.jsonPath().getList("recordings.source")).containsExactly("OutboundAPI");
        assertThat(list.jsonPath().getString("recordings[0].status")).isEqualTo("completed");
        assertThat(list.jsonPath().getString("recordings[0].duration")).isEqualTo(duration);
    }

    /** A path of account one's part of the 2010 API. */
    private static String account(String tail) {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + tail;
    }
}
