package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answering-machine detection: the scenario says who answers, the mode says in which words, and the
 * app hears it in its voice request (synchronous) or on its own callback (asynchronous).
 */
class MachineDetectionFlowTest extends LifecycleTest {

    @Test
    void synchronousDetectionRunsTheTwimlOnceItHasDecidedWithAnsweredBy() {
        String to = uniqueNumber();
        scenario(to, "AnsweredBy", "machine_end_beep", "MachineDetectionTime", "500ms");
        String app = path("app");
        RECEIVER.twiml(app, "<Response><Hangup/></Response>");

        stopClock();
        String sid = call(to, app, Map.of("MachineDetection", "DetectMessageEnd"));
        advance("1m");

        WebhookReceiver.Received fetch = awaitRequests(sid, app, 1).get(0);
        assertThat(fetch.parameter("AnsweredBy")).isEqualTo("machine_end_beep");
        assertThat(awaitStatus(sid, "completed").getString("answered_by"))
                .isEqualTo("machine_end_beep");
        List<Map<String, String>> flow = timeline(sid).getList("flow");
        assertThat(flow)
                .extracting(step -> step.get("event"))
                .containsSubsequence("answered", "machine-detection", "document");
        assertThat(flow)
                .filteredOn(step -> step.get("event").equals("machine-detection"))
                .singleElement()
                .satisfies(
                        step ->
                                assertThat(step.get("detail"))
                                        .isEqualTo("machine_end_beep after 500 ms"));
    }

    @Test
    void eachModeAnswersInItsOwnWords() {
        String to = uniqueNumber();
        scenario(to, "AnsweredBy", "machine_end_silence");
        String app = path("app");
        RECEIVER.twiml(app, "<Response><Hangup/></Response>");

        stopClock();
        String sid = call(to, app, Map.of("MachineDetection", "Enable"));
        advance("1m");

        assertThat(awaitRequests(sid, app, 1).get(0).parameter("AnsweredBy"))
                .isEqualTo("machine_start");
    }

    @Test
    void aDetectionThatOutlastsItsTimeoutSaysUnknown() {
        String to = uniqueNumber();
        scenario(to, "AnsweredBy", "human", "MachineDetectionTime", "5s");
        String app = path("app");
        RECEIVER.twiml(app, "<Response><Hangup/></Response>");

        stopClock();
        String sid =
                call(to, app, Map.of("MachineDetection", "Enable", "MachineDetectionTimeout", "3"));
        advance("1m");

        assertThat(awaitRequests(sid, app, 1).get(0).parameter("AnsweredBy")).isEqualTo("unknown");
    }

    @Test
    void asynchronousDetectionFetchesAtOnceAndPostsTheVerdictToItsCallback() {
        String to = uniqueNumber();
        scenario(to, "AnsweredBy", "human", "MachineDetectionTime", "300ms");
        String app = path("app");
        String amd = path("amd");
        RECEIVER.twiml(app, "<Response><Pause length=\"2\"/><Hangup/></Response>");

        stopClock();
        String sid =
                call(
                        to,
                        app,
                        Map.of(
                                "MachineDetection",
                                "Enable",
                                "AsyncAmd",
                                "true",
                                "AsyncAmdStatusCallback",
                                RECEIVER.url(amd)));
        advance("1m");

        assertThat(awaitRequests(sid, app, 1).get(0).parameters()).doesNotContainKey("AnsweredBy");
        WebhookReceiver.Received verdict = awaitRequests(sid, amd, 1).get(0);
        assertThat(verdict.parameter("AnsweredBy")).isEqualTo("human");
        assertThat(verdict.parameter("MachineDetectionDuration")).isEqualTo("300");
        assertThat(verdict.parameter("AccountSid")).isNotBlank();
        assertThat(verdict.signature()).isNotBlank();
    }

    @Test
    void sendDigitsTurnsDetectionOff() {
        String app = path("app");
        RECEIVER.twiml(app, "<Response><Hangup/></Response>");

        stopClock();
        String sid =
                call(
                        uniqueNumber(),
                        app,
                        Map.of("MachineDetection", "Enable", "SendDigits", "1234#"));
        advance("1m");

        assertThat(awaitRequests(sid, app, 1).get(0).parameters()).doesNotContainKey("AnsweredBy");
        assertThat(awaitStatus(sid, "completed").getString("answered_by")).isNull();
        assertThat(timeline(sid).getList("flow.event")).contains("sent-digits");
    }

    private static String call(String to, String app, Map<String, String> extra) {
        var request =
                asOne().formParam("To", to)
                        .formParam("From", "+15005550006")
                        .formParam("Url", RECEIVER.url(app));
        extra.forEach(request::formParam);
        return request.post(callsJson()).then().statusCode(201).extract().path("sid");
    }
}
