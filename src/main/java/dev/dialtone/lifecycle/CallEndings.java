package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.recordings.CallRecordings;
import dev.dialtone.webhooks.StatusCallbacks;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A call's end as the lifecycle makes it: its final status and price, and its completed callback.
 */
@Component
class CallEndings {

    private final SimulationProperties simulation;
    private final StatusCallbacks callbacks;
    private final CallFlow flow;
    private final CallRecordings recordings;

    CallEndings(
            SimulationProperties simulation,
            StatusCallbacks callbacks,
            CallFlow flow,
            CallRecordings recordings) {
        this.simulation = simulation;
        this.callbacks = callbacks;
        this.flow = flow;
        this.recordings = recordings;
    }

    void end(Call call, CallStatus status, Integer sipCode, Instant now) {
        call.finish(status, sipCode, now, simulation.pricePerMinute());
        callbacks.record(
                call,
                StatusCallbacks.Event.COMPLETED,
                recordings.onCompletedCallback(recordings.endWith(call, now)));
        flow.record(
                call,
                CallFlow.Event.ENDED,
                status.wire() + (sipCode == null ? "" : " (SIP " + sipCode + ")"),
                now);
    }
}
