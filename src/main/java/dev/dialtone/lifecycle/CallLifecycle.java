package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallEvents;
import dev.dialtone.calls.CallPricing;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.recordings.CallRecordings;
import dev.dialtone.webhooks.StatusCallbacks;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the API's changes to a call mean for its lifecycle: when it dials, and what its end sends.
 */
@Component
class CallLifecycle implements CallPricing {

    private final SimulationProperties simulation;
    private final StatusCallbacks callbacks;
    private final CallSimulator simulator;
    private final CallFlow flow;
    private final CallRecordings recordings;

    CallLifecycle(
            SimulationProperties simulation,
            StatusCallbacks callbacks,
            CallSimulator simulator,
            CallFlow flow,
            CallRecordings recordings) {
        this.simulation = simulation;
        this.callbacks = callbacks;
        this.simulator = simulator;
        this.flow = flow;
        this.recordings = recordings;
    }

    /** A new call waits in the queue, then dials. */
    @EventListener
    void queued(CallEvents.Queued queued) {
        queued.call()
                .schedule(
                        NextEvent.DIAL,
                        queued.call()
                                .dateCreated()
                                .plus(simulation.scaled(simulation.queueDelay())));
    }

    /** The new call is stored: be there when it is due. */
    @EventListener
    void created(CallEvents.Created created) {
        simulator.wakeAfterCommit(created.call());
    }

    /** After an update: an ended call reports its end; a redirected one runs its new TwiML. */
    @EventListener
    void changed(CallEvents.Changed changed) {
        if (changed.ended()) {
            Call call = changed.call();
            callbacks.record(
                    call,
                    StatusCallbacks.Event.COMPLETED,
                    recordings.onCompletedCallback(recordings.endWith(call, call.endTime())));
            flow.record(
                    changed.call(),
                    CallFlow.Event.ENDED,
                    changed.call().status().wire() + ", by an update",
                    changed.call().endTime());
            simulator.endedEarly(changed.call());
        } else {
            simulator.applyTimeLimit(changed.call());
        }
        simulator.wakeAfterCommit(changed.call());
    }

    @Override
    public BigDecimal pricePerMinute() {
        return simulation.pricePerMinute();
    }
}
