package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.recordings.CallRecordings;
import dev.dialtone.recordings.Recording;
import dev.dialtone.twiml.RecordingCallback;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.webhooks.FormEncoding;
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

    private final CallRecordings recordings;
    private final CallFlow flow;
    private final SimulationProperties simulation;

    VerbRecordings(CallRecordings recordings, CallFlow flow, SimulationProperties simulation) {
        this.recordings = recordings;
        this.flow = flow;
        this.simulation = simulation;
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
        int seconds =
                Integer.parseInt(
                        plan.parameters().stream()
                                .filter(p -> p.getKey().equals("RecordingDuration"))
                                .findFirst()
                                .orElseThrow()
                                .getValue());
        Recording recording =
                recordings.made(
                        call,
                        "RecordVerb",
                        now,
                        over,
                        seconds,
                        1,
                        callback == null
                                ? null
                                : new Recording.Callback(
                                        callback.url(), callback.method(), callback.events()));
        flow.record(call, CallFlow.Event.RECORDING, recording.sid() + ", " + seconds + " s", now);
        if (hungUp) {
            call.schedule(NextEvent.END_COMPLETED, deadline);
            return;
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        parameters.add(Map.entry("RecordingUrl", recordings.url(recording)));
        parameters.add(Map.entry("RecordingSid", recording.sid()));
        parameters.addAll(plan.parameters());
        call.runTwiml(
                plan.redirectUrl(), plan.redirectMethod(), null, FormEncoding.encode(parameters));
        call.schedule(NextEvent.RUN_TWIML, ends);
    }

    /**
     * {@code Record=true}: the whole answered call is recorded, until it ends, with the call's
     * recording callback.
     */
    void wholeCall(Call call, Instant now) {
        Recording recording =
                recordings.started(
                        call,
                        Recording.WHOLE_CALL,
                        "dual".equals(call.recordingChannels()) ? 2 : 1,
                        call.recordingStatusCallback() == null
                                ? null
                                : new Recording.Callback(
                                        call.recordingStatusCallback(),
                                        call.recordingStatusCallbackMethod(),
                                        call.recordingStatusCallbackEvents()),
                        now);
        flow.record(call, CallFlow.Event.RECORDING, recording.sid() + ", the whole call", now);
    }
}
