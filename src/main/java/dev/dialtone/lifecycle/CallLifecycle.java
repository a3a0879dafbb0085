package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.webhooks.StatusCallbacks;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * What the API's changes to a call mean for its lifecycle: when it dials, and what its end sends.
 */
@Component
public class CallLifecycle {

    private final SimulationProperties simulation;
    private final StatusCallbacks callbacks;
    private final CallSimulator simulator;

    CallLifecycle(
            SimulationProperties simulation, StatusCallbacks callbacks, CallSimulator simulator) {
        this.simulation = simulation;
        this.callbacks = callbacks;
        this.simulator = simulator;
    }

    /** A new call waits in the queue, then dials; {@link #stored} once it is in the database. */
    public void queued(Call call) {
        call.schedule(
                NextEvent.DIAL,
                call.dateCreated().plus(simulation.scaled(simulation.queueDelay())));
    }

    /** The new call is stored: be there when it is due. */
    public void stored(Call call) {
        simulator.wakeAfterCommit(call);
    }

    /** After an update: an ended call reports its end; a redirected one runs its new TwiML. */
    public void updated(Call call, boolean ended) {
        if (ended) {
            callbacks.record(call, StatusCallbacks.Event.COMPLETED);
        }
        simulator.wakeAfterCommit(call);
    }

    public BigDecimal pricePerMinute() {
        return simulation.pricePerMinute();
    }
}
