package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.calls.Sids;
import dev.dialtone.recordings.Recording;
import dev.dialtone.recordings.RecordingStore;
import dev.dialtone.twiml.RecordingCallback;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.web.PublicUrl;
import dev.dialtone.webhooks.FormEncoding;
import dev.dialtone.webhooks.StatusCallbacks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The recordings a call makes: a {@code <Record>}'s, and the whole call's ({@code Record=true}).
 */
@Component
class VerbRecordings {

    private final RecordingStore recordings;
    private final PublicUrl publicUrl;
    private final CallFlow flow;
    private final StatusCallbacks callbacks;
    private final SimulationProperties simulation;
    private final Clock clock;

    VerbRecordings(
            RecordingStore recordings,
            PublicUrl publicUrl,
            CallFlow flow,
            StatusCallbacks callbacks,
            SimulationProperties simulation,
            Clock clock) {
        this.recordings = recordings;
        this.publicUrl = publicUrl;
        this.flow = flow;
        this.callbacks = callbacks;
        this.simulation = simulation;
        this.clock = clock;
    }

    /**
     * The call's {@code <Record>} starts: the recording exists at once (in progress until it ends),
     * and when it ends the action is requested with its sid, URL, duration and the key that ended
     * it. A call that ends first (its talk time) ends with it.
     */
    void start(
            Call call, TwimlPlan plan, RecordingCallback callback, Instant deadline, Instant now) {
        Instant ends = now.plus(simulation.scaled(plan.waiting()));
        boolean hungUp = deadline.isBefore(ends);
        Instant over = hungUp ? deadline : ends;
        String sid = Sids.next("RE", clock);
        String url =
                publicUrl.base()
                        + "/2010-04-01/Accounts/"
                        + call.accountSid()
                        + "/Recordings/"
                        + sid;
        int seconds =
                Integer.parseInt(
                        plan.parameters().stream()
                                .filter(p -> p.getKey().equals("RecordingDuration"))
                                .findFirst()
                                .orElseThrow()
                                .getValue());
        recordings.insert(
                new Recording(
                        sid, call.accountSid(), call.sid(), now, now, over, seconds, "RecordVerb"));
        flow.record(call, CallFlow.Event.RECORDING, sid + ", " + seconds + " s", now);
        if (callback != null) {
            if (callback.events().contains("in-progress")) {
                callbacks.recordRecordingStatus(
                        call,
                        callback.url(),
                        callback.method(),
                        recordingStatus(sid, url, "in-progress", null),
                        now);
            }
            if (callback.events().contains("completed")) {
                callbacks.recordRecordingStatus(
                        call,
                        callback.url(),
                        callback.method(),
                        recordingStatus(sid, url, "completed", seconds),
                        over);
            }
        }
        if (hungUp) {
            call.schedule(NextEvent.END_COMPLETED, deadline);
            return;
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        parameters.add(Map.entry("RecordingUrl", url));
        parameters.add(Map.entry("RecordingSid", sid));
        parameters.addAll(plan.parameters());
        call.runTwiml(
                plan.redirectUrl(), plan.redirectMethod(), null, FormEncoding.encode(parameters));
        call.schedule(NextEvent.RUN_TWIML, ends);
    }

    /** What a recording status callback says, beside AccountSid and CallSid. */
    private static List<Map.Entry<String, String>> recordingStatus(
            String sid, String url, String status, Integer seconds) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        parameters.add(Map.entry("RecordingSid", sid));
        parameters.add(Map.entry("RecordingUrl", url));
        parameters.add(Map.entry("RecordingStatus", status));
        if (seconds != null) {
            parameters.add(Map.entry("RecordingDuration", Integer.toString(seconds)));
        }
        parameters.add(Map.entry("RecordingChannels", "1"));
        parameters.add(Map.entry("RecordingSource", "RecordVerb"));
        return parameters;
    }

    /** {@code Record=true}: the whole answered call is recorded, until it ends. */
    void wholeCall(Call call, Instant now) {
        String sid = Sids.next("RE", clock);
        recordings.insert(
                new Recording(
                        sid,
                        call.accountSid(),
                        call.sid(),
                        now,
                        now,
                        Recording.UNTIL_THE_CALL_ENDS,
                        0,
                        Recording.WHOLE_CALL));
        flow.record(call, CallFlow.Event.RECORDING, sid + ", the whole call", now);
    }
}
