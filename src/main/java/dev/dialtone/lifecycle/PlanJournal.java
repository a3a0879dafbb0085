package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.webhooks.CallNotifications;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a TwiML plan puts on the call's record as the call follows it: each verb it starts on the
 * timeline, and what Twilio would warn of as notifications.
 */
@Component
class PlanJournal {

    private static final Logger log = LoggerFactory.getLogger(PlanJournal.class);

    private final CallFlow flow;
    private final CallNotifications notifications;
    private final SimulationProperties simulation;
    private final CallSteps steps;

    PlanJournal(CallFlow flow, CallNotifications notifications, SimulationProperties simulation) {
        this.flow = flow;
        this.notifications = notifications;
        this.simulation = simulation;
        this.steps = new CallSteps(simulation);
    }

    /**
     * The verbs the plan starts, on the call's timeline at the time each starts, up to the call's
     * end; a {@code <Play digits>} as the tones it sends.
     */
    void started(Call call, CallScript script, TwimlPlan plan, int later, Instant now) {
        Instant deadline = steps.deadline(call, script);
        for (TwimlPlan.Step step : plan.steps()) {
            Instant at = now.plus(simulation.scaled(step.at()));
            if (step.position() == later || !at.isBefore(deadline)) {
                break;
            }
            if (step.digits() != null) {
                flow.record(call, CallFlow.Event.SENT_DIGITS, step.digits() + " (<Play>)", at);
            } else {
                flow.record(
                        call,
                        CallFlow.Event.VERB,
                        step.position()
                                + ": <"
                                + step.verb()
                                + ">"
                                + (step.detail() == null ? "" : " " + step.detail()),
                        at);
            }
        }
    }

    /**
     * What Dialtone did not simulate goes to the log; a note Twilio would warn of (an unknown verb,
     * a verb where it may not nest) is a warning notification too.
     */
    void noted(Call call, TwimlPlan plan) {
        for (String note : plan.notes()) {
            log.info("Call {}: {}", call.sid(), note);
            int code = TwimlPlan.warningCode(note);
            if (code != 0) {
                notifications.record(
                        call.sid(),
                        call.accountSid(),
                        CallNotifications.Level.WARNING,
                        code,
                        note.substring(7),
                        call.twimlUrl(),
                        call.twimlUrl() == null ? null : call.twimlMethod().name());
            }
        }
    }
}
