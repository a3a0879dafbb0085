package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.webhooks.FormEncoding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        Instant deadline = deadline(call, script);
        Instant end = now.plus(simulation.scaled(plan.elapsed()));
        if (!end.isBefore(deadline)) {
            call.schedule(NextEvent.END_COMPLETED, deadline.isAfter(now) ? deadline : now);
            return true;
        }
        switch (plan.ending()) {
            // <Reject> refuses a call before it is answered; the calls Dialtone runs TwiML for
            // are answered already, and an answered call can only end completed: it hangs up.
            case HANG_UP, DONE, REJECT_BUSY, REJECT_NO_ANSWER ->
                    call.schedule(NextEvent.END_COMPLETED, end);
            // The document is kept and the call stands at the Dial: it dials when it gets there.
            case DIAL, GATHER -> call.schedule(NextEvent.RUN_TWIML, end);
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
     * When the callee hangs up (its talk time, which does not run while the call is in a Dial) or
     * the call's TimeLimit ends it, whichever comes first.
     */
    Instant deadline(Call call, CallScript script) {
        Instant deadline =
                call.answerTime().plus(script.talkTime()).plusMillis(call.dialedMillis());
        Instant limit = timeLimitEnd(call);
        return limit != null && limit.isBefore(deadline) ? limit : deadline;
    }

    /**
     * When the answered call reaches its TimeLimit, or null without one. Unlike the callee's talk
     * time, it counts the time the call spends dialing.
     */
    Instant timeLimitEnd(Call call) {
        return call.timeLimit() == null
                ? null
                : call.answerTime().plus(simulation.scaled(Duration.ofSeconds(call.timeLimit())));
    }

    /**
     * How a {@code <Dial>} goes, from its legs as their scripts have just planned them (each rings,
     * then answers, is busy, fails or rings out): the first to answer wins and talks for its talk
     * time or the Dial's timeLimit; the others that would still ring then end canceled. Without a
     * winner, the dial is over when its last leg ends.
     *
     * @param over when the dial ends and the calling leg goes on
     * @param status the action's DialCallStatus
     * @param dialCallSid the winner, or the first leg
     * @param bridgedSeconds the action's DialCallDuration
     */
    /**
     * How a Dial ends: when, with which DialCallStatus and leg, and the bridged part ({@code
     * bridgedFrom} null when no leg answered).
     */
    record DialOutcome(
            Instant over,
            String status,
            String dialCallSid,
            long bridgedSeconds,
            Instant bridgedFrom) {

        /**
         * The dial over sooner, at {@code at}: the caller pressed {@code *}, hung up, or reached
         * its TimeLimit. A later instant changes nothing.
         */
        DialOutcome endedAt(Instant at) {
            if (!at.isBefore(over)) {
                return this;
            }
            if (bridgedFrom == null || !at.isAfter(bridgedFrom)) {
                return new DialOutcome(at, "canceled", dialCallSid, 0, null);
            }
            return new DialOutcome(
                    at,
                    status,
                    dialCallSid,
                    Duration.between(bridgedFrom, at).toSeconds(),
                    bridgedFrom);
        }
    }

    DialOutcome dialOutcome(List<Call> legs, List<CallScript> scripts, int timeLimitSeconds) {
        int winner = -1;
        for (int i = 0; i < legs.size(); i++) {
            Call leg = legs.get(i);
            if (leg.nextEvent() == NextEvent.ANSWER
                    && (winner < 0 || leg.nextEventAt().isBefore(legs.get(winner).nextEventAt()))) {
                winner = i;
            }
        }
        if (winner >= 0) {
            Call won = legs.get(winner);
            Instant answered = won.nextEventAt();
            Duration talk = scripts.get(winner).talkTime();
            Duration limit = simulation.scaled(Duration.ofSeconds(timeLimitSeconds));
            Duration bridged = limit.compareTo(talk) < 0 ? limit : talk;
            for (Call leg : legs) {
                if (leg != won && !leg.nextEventAt().isBefore(answered)) {
                    leg.schedule(NextEvent.END_CANCELED, answered);
                }
            }
            return new DialOutcome(
                    answered.plus(bridged), "completed", won.sid(), bridged.toSeconds(), answered);
        }
        Instant over = legs.get(0).nextEventAt();
        boolean unanswered = false;
        boolean busy = false;
        for (Call leg : legs) {
            over = leg.nextEventAt().isAfter(over) ? leg.nextEventAt() : over;
            unanswered |= leg.nextEvent() == NextEvent.END_NO_ANSWER;
            busy |= leg.nextEvent() == NextEvent.END_BUSY;
        }
        String status = unanswered ? "no-answer" : busy ? "busy" : "failed";
        return new DialOutcome(over, status, legs.get(0).sid(), 0, null);
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
     * When a due answer or ending happened: at its due time, even if Dialtone applies it later (it
     * was down, or behind), so neither downtime nor lag is added to the call's duration.
     */
    static Instant happenedAt(Call call, Instant now) {
        Instant due = call.nextEventAt();
        return due != null && due.isBefore(now) ? due : now;
    }

    /**
     * What answering-machine detection says of the callee, and how long it takes to say it: null
     * when the call did not ask for it (or sends digits, which turns it off, as on Twilio).
     */
    record Detection(String answeredBy, Duration took) {}

    Detection detect(Call call, CallScript script) {
        String mode = call.machineDetection();
        if (mode == null || call.sendDigits() != null) {
            return null;
        }
        String said = script.answeredBy();
        // Each mode answers only in its own words: Enable at the greeting's start,
        // DetectMessageEnd once the greeting is over.
        boolean messageEnd = mode.equalsIgnoreCase("DetectMessageEnd");
        String answeredBy =
                switch (said) {
                    case "machine_start" -> messageEnd ? "machine_end_beep" : said;
                    case "machine_end_beep", "machine_end_silence", "machine_end_other" ->
                            messageEnd ? said : "machine_start";
                    default -> said;
                };
        Duration timeout =
                simulation.scaled(
                        Duration.ofSeconds(
                                call.machineDetectionTimeout() == null
                                        ? 30
                                        : call.machineDetectionTimeout()));
        if (script.machineDetectionTime().compareTo(timeout) > 0) {
            return new Detection("unknown", timeout);
        }
        return new Detection(answeredBy, script.machineDetectionTime());
    }
}
