package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.LifecycleTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call's timeline says each verb it started, when, and why a flow ended early. */
class FlowTimelineTest extends LifecycleTest {

    @Test
    void eachVerbIsOnTheTimelineInOrderWithPlayDigitsAsTheTonesSent() {
        String to = uniqueNumber();
        scenario(to, "TalkTime", "30s");
        String app = path("app");
        RECEIVER.twiml(
                app,
                "<Response><Say>Hello</Say><Play digits=\"12w3\"/><Pause length=\"1\"/>"
                        + "<Hangup/></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(app));
        advance("1m");
        awaitStatus(sid, "completed");

        List<Map<String, String>> flow = timeline(sid).getList("flow");
        assertThat(flow)
                .extracting(step -> step.get("event") + " " + step.get("detail"))
                .containsSubsequence(
                        "document " + RECEIVER.url(app),
                        "verb 0: <Say> Hello",
                        "sent-digits 12w3 (<Play>)",
                        "verb 2: <Pause> 1 s",
                        "verb 3: <Hangup>",
                        "ended completed")
                .noneMatch(line -> line.startsWith("cut-short"));
        List<Instant> times = flow.stream().map(step -> Instant.parse(step.get("at"))).toList();
        assertThat(times).isSorted();
    }

    @Test
    void aFlowLongerThanTheCalleesTalkTimeSaysItWasCutShort() {
        String to = uniqueNumber();
        scenario(to, "TalkTime", "1s");
        String app = path("app");
        RECEIVER.twiml(app, "<Response><Pause length=\"5\"/><Say>unheard</Say></Response>");

        stopClock();
        String sid = callWithUrl(to, RECEIVER.url(app));
        advance("1m");
        awaitStatus(sid, "completed");

        List<Map<String, String>> flow = timeline(sid).getList("flow");
        assertThat(flow)
                .extracting(step -> step.get("event"))
                .containsSubsequence("document", "verb", "cut-short", "ended")
                .doesNotContain("unheard");
        assertThat(flow)
                .filteredOn(step -> step.get("event").equals("verb"))
                .extracting(step -> step.get("detail"))
                .containsExactly("0: <Pause> 5 s");
    }
}
