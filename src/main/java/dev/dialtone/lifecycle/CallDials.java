package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.calls.Sids;
import dev.dialtone.twiml.Dialing;
import dev.dialtone.twiml.TwimlParser;
import dev.dialtone.twiml.Verb;
import dev.dialtone.webhooks.FormEncoding;
import dev.dialtone.webhooks.StatusCallbacks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A call's {@code <Dial>}: its legs placed and decided when it starts, the calling leg sent on when
 * it is over, the legs ended when the calling leg hangs up.
 */
@Component
class CallDials {

    private static final Logger log = LoggerFactory.getLogger(CallDials.class);

    private final CallStore calls;
    private final Scenarios scenarios;
    private final StatusCallbacks callbacks;
    private final CallFlow flow;
    private final CallEndings endings;
    private final CallSteps steps;
    private final Clock clock;

    CallDials(
            CallStore calls,
            Scenarios scenarios,
            StatusCallbacks callbacks,
            CallFlow flow,
            CallEndings endings,
            SimulationProperties simulation,
            Clock clock) {
        this.calls = calls;
        this.scenarios = scenarios;
        this.callbacks = callbacks;
        this.flow = flow;
        this.endings = endings;
        this.steps = new CallSteps(simulation);
        this.clock = clock;
    }

    /**
     * The call's {@code <Dial>} starts: each leg is a call of its own that rings at once, its fate
     * decided by its scenario; the calling leg waits until the dial is over, with its outcome.
     * Answers the legs, for the caller to wake the loop for once they are committed.
     */
    List<Call> start(
            Call parent,
            String body,
            List<Verb> verbs,
            int position,
            String documentUrl,
            Instant now)
            throws TwimlParser.UnparseableTwiml {
        Dialing dialing = Dialing.of(verbs, position, documentUrl);
        dialing.notes().forEach(note -> log.info("Call {}: {}", parent.sid(), note));
        String from = dialing.callerId() != null ? dialing.callerId() : parent.from();
        List<Call> legs = new ArrayList<>();
        List<CallScript> scripts = new ArrayList<>();
        for (Dialing.Leg target : dialing.legs()) {
            if (!Call.isEndpoint(target.to())) {
                log.info("Call {}: <Dial> cannot ring {}; skipped", parent.sid(), target.to());
                continue;
            }
            Call leg =
                    Call.dialLeg(
                            Sids.next("CA", clock),
                            parent,
                            target.to(),
                            from,
                            dialing.timeoutSeconds(),
                            dialing.timeLimitSeconds(),
                            target.statusCallback(),
                            target.statusCallbackMethod(),
                            target.statusCallbackEvents(),
                            now);
            CallScript script = scenarios.scriptFor(parent.accountSid(), target.to());
            steps.dial(leg, script, now);
            callbacks.record(leg, StatusCallbacks.Event.INITIATED);
            callbacks.record(leg, StatusCallbacks.Event.RINGING);
            legs.add(leg);
            scripts.add(script);
        }
        if (legs.isEmpty()) {
            parent.dialUntil(
                    documentUrl,
                    body,
                    position,
                    now,
                    FormEncoding.encode(List.of(Map.entry("DialCallStatus", "failed"))),
                    now);
            return legs;
        }
        CallSteps.DialOutcome outcome =
                steps.dialOutcome(legs, scripts, dialing.timeLimitSeconds());
        flow.record(
                parent,
                CallFlow.Event.DIALING,
                String.join(", ", legs.stream().map(l -> l.sid() + " to " + l.to()).toList()),
                now);
        for (Call leg : legs) {
            calls.insert(leg);
        }
        parent.dialUntil(
                documentUrl,
                body,
                position,
                outcome.over(),
                FormEncoding.encode(
                        List.of(
                                Map.entry("DialCallStatus", outcome.status()),
                                Map.entry("DialCallSid", outcome.dialCallSid()),
                                Map.entry(
                                        "DialCallDuration",
                                        Long.toString(outcome.bridgedSeconds())),
                                Map.entry(
                                        "DialBridged",
                                        Boolean.toString(outcome.status().equals("completed"))))),
                now);
        return legs;
    }

    /**
     * The Dial is over: the call requests its action with the outcome, or without one goes on with
     * the verb after the Dial.
     */
    void done(Call call, Instant now) throws TwimlParser.UnparseableTwiml {
        flow.record(call, CallFlow.Event.DIAL_OVER, call.twimlParameters(), now);
        Dialing dialing =
                Dialing.of(
                        TwimlParser.parse(call.twimlDocument()),
                        call.twimlPosition(),
                        call.twimlUrl());
        if (dialing.action() != null) {
            call.runTwiml(dialing.action(), dialing.method(), null, call.twimlParameters());
        } else {
            call.goOnAfterDial();
        }
    }

    /** A call hung up while it dials: its legs end with it. */
    void endLegs(Call parent, Instant now) {
        for (Call leg : calls.lockLiveLegs(parent.sid())) {
            endings.end(
                    leg,
                    leg.status() == CallStatus.IN_PROGRESS
                            ? CallStatus.COMPLETED
                            : CallStatus.CANCELED,
                    null,
                    now);
            calls.save(leg);
        }
    }
}
