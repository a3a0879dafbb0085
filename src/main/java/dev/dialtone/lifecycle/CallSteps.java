package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
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
            // <Reject> refuses a call before it is answered; the calls Dialtone runs TwiML for
            // are answered already, and an answered call can only end completed: it hangs up.
            case HANG_UP, REJECT_BUSY, REJECT_NO_ANSWER ->
                    call.schedule(NextEvent.END_COMPLETED, end);
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

    /**
     * A TimeLimit set by an update while the call talks: the call ends at it when that comes before
     * what its TwiML planned. A longer limit never stretches a call past its planned end.
     */
    void applyTimeLimit(Call call, Instant now) {
        if (call.status() != CallStatus.IN_PROGRESS
                || call.timeLimit() == null
                || call.nextEvent() == null
                || call.nextEventAt() == null) {
            return;
        }
        Instant limit =
                call.answerTime().plus(simulation.scaled(Duration.ofSeconds(call.timeLimit())));
        if (limit.isBefore(call.nextEventAt())) {
            call.schedule(NextEvent.END_COMPLETED, limit.isAfter(now) ? limit : now);
        }
    }

    /**
     * When a due ending happened: at its due time, even if Dialtone applies it later (it was down,
     * or behind), so the downtime is not added to the call's duration.
     */
    static Instant endedAt(Call call, Instant now) {
        Instant due = call.nextEventAt();
        return due != null && due.isBefore(now) ? due : now;
    }
}
