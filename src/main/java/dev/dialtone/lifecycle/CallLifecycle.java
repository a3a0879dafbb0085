package dev.dialtone.lifecycle;

import dev.dialtone.calls.CallEvents;
import dev.dialtone.calls.CallPricing;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.recordings.RecordingStore;
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
    private final RecordingStore recordings;

    CallLifecycle(
            SimulationProperties simulation,
            StatusCallbacks callbacks,
            CallSimulator simulator,
            CallFlow flow,
            RecordingStore recordings) {
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
            callbacks.record(changed.call(), StatusCallbacks.Event.COMPLETED);
            flow.record(
                    changed.call(),
                    CallFlow.Event.ENDED,
                    changed.call().status().wire() + ", by an update",
                    changed.call().endTime());
            simulator.endLegs(changed.call());
            if (changed.call().record()) {
                recordings.endWholeCallRecordings(changed.call().sid(), changed.call().endTime());
            }
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
