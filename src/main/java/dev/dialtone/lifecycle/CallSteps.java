package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.webhooks.FormEncoding;
import java.time.Duration;
import java.time.Instant;

/**
 * The decisions of a call's steps, as plain methods over a call, its callee's script and an
 * instant: what ringing leads to, and what a TwiML plan leads to within the call's talk time and
 * TimeLimit. What the steps send and log is the simulator's business, not theirs.
 */
final class CallSteps {

    /**
     * {@code <Redirect>}s a call follows in a row from documents lasting under a second. Twilio
     * documents no bound for voice; messaging's is 50 (error 14106), and so is this one.
     */
    static final int MAX_IDLE_REDIRECTS = 50;

    private final SimulationProperties simulation;

    CallSteps(SimulationProperties simulation) {
        this.simulation = simulation;
    }

    /** Dialing starts: the call rings, and its script decides how the ringing ends. */
    void dial(Call call, CallScript script, Instant now) {
        call.startDialing(now);
        Duration timeout = simulation.scaled(Duration.ofSeconds(call.timeout()));
        Duration ring = script.ringTime().compareTo(timeout) < 0 ? script.ringTime() : timeout;
        switch (script.outcome()) {
            case COMPLETED -> {
                if (script.ringTime().compareTo(timeout) < 0) {
                    call.schedule(NextEvent.ANSWER, now.plus(ring));
                } else {
                    call.schedule(NextEvent.END_NO_ANSWER, now.plus(timeout), 487);
                }
            }
            case BUSY -> call.schedule(NextEvent.END_BUSY, now.plus(ring), script.sipCode(486));
            case FAILED -> call.schedule(NextEvent.END_FAILED, now.plus(ring), script.sipCode(500));
            case NO_ANSWER ->
                    call.schedule(NextEvent.END_NO_ANSWER, now.plus(timeout), script.sipCode(487));
        }
    }

    /**
     * Schedules what a TwiML plan leads to, within the call's talk time and TimeLimit. Answers
     * false when the plan's redirect would be one too many in a row: the call ends instead.
     */
    boolean follow(Call call, CallScript script, TwimlPlan plan, Instant now) {
        call.countGathers(plan.gathers());
        Instant deadline = call.answerTime().plus(script.talkTime());
        if (call.timeLimit() != null) {
            Instant limit =
                    call.answerTime().plus(simulation.scaled(Duration.ofSeconds(call.timeLimit())));
            deadline = limit.isBefore(deadline) ? limit : deadline;
        }
        Instant end = now.plus(simulation.scaled(plan.elapsed()));
        if (!end.isBefore(deadline)) {
            call.schedule(NextEvent.END_COMPLETED, deadline.isAfter(now) ? deadline : now);
            return true;
        }
        switch (plan.ending()) {
            case HANG_UP -> call.schedule(NextEvent.END_COMPLETED, end);
            case REJECT_BUSY -> call.schedule(NextEvent.END_BUSY, end, 486);
            case REJECT_NO_ANSWER -> call.schedule(NextEvent.END_NO_ANSWER, end, 603);
            case REDIRECT -> {
                boolean idle = plan.elapsed().compareTo(Duration.ofSeconds(1)) < 0;
                if (call.countRedirect(idle) > MAX_IDLE_REDIRECTS) {
                    call.schedule(NextEvent.END_COMPLETED, end);
                    return false;
                }
                call.runTwiml(
                        plan.redirectUrl(),
                        plan.redirectMethod(),
                        null,
                        plan.parameters().isEmpty()
                                ? null
                                : FormEncoding.encode(plan.parameters()));
                call.schedule(NextEvent.RUN_TWIML, end);
            }
        }
        return true;
    }
}
