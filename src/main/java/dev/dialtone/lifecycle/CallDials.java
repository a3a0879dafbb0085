package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.calls.NewLeg;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.recordings.CallRecordings;
import dev.dialtone.recordings.Recording;
import dev.dialtone.support.Sids;
import dev.dialtone.twiml.Callee;
import dev.dialtone.twiml.Dialing;
import dev.dialtone.twiml.TwimlParser;
import dev.dialtone.twiml.Verb;
import dev.dialtone.webhooks.FormEncoding;
import dev.dialtone.webhooks.StatusCallbacks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final CallRecordings recordings;
    private final SimulationProperties simulation;
    private final Clock clock;

    CallDials(
            CallStore calls,
            Scenarios scenarios,
            StatusCallbacks callbacks,
            CallFlow flow,
            CallEndings endings,
            CallRecordings recordings,
            SimulationProperties simulation,
            Clock clock) {
        this.calls = calls;
        this.scenarios = scenarios;
        this.callbacks = callbacks;
        this.flow = flow;
        this.endings = endings;
        this.steps = new CallSteps(simulation);
        this.recordings = recordings;
        this.simulation = simulation;
        this.clock = clock;
    }

    /**
     * The call's {@code <Dial>} starts: each leg is a call of its own that rings at once, its fate
     * decided by its scenario; the calling leg waits until the dial is over, with its outcome.
     * Answers the legs, for the caller to wake the loop for once they are committed.
     */
    List<Call> start(
            Call parent,
            CallScript caller,
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
                            new NewLeg(
                                    target.to(),
                                    from,
                                    dialing.timeoutSeconds(),
                                    dialing.timeLimitSeconds(),
                                    target.url(),
                                    target.method(),
                                    target.statusCallback(),
                                    target.statusCallbackMethod(),
                                    target.statusCallbackEvents()),
                            now);
            CallScript script = scenarios.scriptFor(parent.accountSid(), target.to(), from);
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
        if (dialing.hangupOnStar() && outcome.bridgedFrom() != null) {
            Callee.Answer pressed = caller.answer(parent.gathers());
            if (pressed.digits() != null && pressed.digits().contains("*")) {
                parent.countGathers(1);
                Duration after =
                        pressed.delay() == null
                                ? Duration.ZERO
                                : simulation.scaled(pressed.delay());
                outcome = outcome.endedAt(outcome.bridgedFrom().plus(after));
                flow.record(parent, CallFlow.Event.SENT_DIGITS, "* (hangupOnStar)", outcome.over());
            }
        }
        Instant limit = steps.timeLimitEnd(parent);
        boolean cut = limit != null && limit.isBefore(outcome.over());
        outcome = cut ? outcome.endedAt(limit) : outcome;
        // A leg with a whisper is bridged only once its whisper is over (bridged() says when);
        // until then the dial stands as answered and not bridged.
        String winner = outcome.dialCallSid();
        boolean whispers =
                outcome.bridgedFrom() != null
                        && legs.stream().anyMatch(l -> l.sid().equals(winner) && l.url() != null);
        List<Map.Entry<String, String>> result = new ArrayList<>();
        result.add(Map.entry("DialCallStatus", outcome.status()));
        result.add(Map.entry("DialCallSid", outcome.dialCallSid()));
        result.add(
                Map.entry(
                        "DialCallDuration",
                        whispers ? "0" : Long.toString(outcome.bridgedSeconds())));
        result.add(
                Map.entry(
                        "DialBridged",
                        Boolean.toString(outcome.bridgedFrom() != null && !whispers)));
        if (dialing.record() != Dialing.Record.NONE && outcome.bridgedFrom() != null) {
            Instant recorded = dialing.record().fromRinging() ? now : outcome.bridgedFrom();
            Recording recording =
                    recordings.made(
                            parent,
                            "DialVerb",
                            recorded,
                            outcome.over(),
                            (int) Duration.between(recorded, outcome.over()).toSeconds(),
                            dialing.record().channels(),
                            dialing.recordingCallback() == null
                                    ? null
                                    : new Recording.Callback(
                                            dialing.recordingCallback().url(),
                                            dialing.recordingCallback().method(),
                                            dialing.recordingCallback().events()));
            flow.record(parent, CallFlow.Event.RECORDING, recording.sid() + ", the dial", recorded);
            result.add(Map.entry("RecordingUrl", recordings.url(recording)));
        }
        parent.dialUntil(
                documentUrl, body, position, outcome.over(), FormEncoding.encode(result), now);
        if (cut) {
            // The caller's TimeLimit comes first: it hangs up, and its legs with it.
            parent.schedule(NextEvent.END_COMPLETED, limit);
        }
        return legs;
    }

    /**
     * The Dial is over: the call requests its action with the outcome, or without one goes on with
     * the verb after the Dial.
     */
    void done(Call call, Instant now) throws TwimlParser.UnparseableTwiml {
        flow.record(call, CallFlow.Event.DIAL_OVER, call.twimlParameters(), now);
        // The bridge is over: a leg still on the line (the caller pressed *) hangs up, when the
        // dial was over rather than when this round got to it.
        endLegsNotDue(call, CallSteps.happenedAt(call, now));
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

    /**
     * A leg hung up before the dial planned it (an update, the control API): the dial is over now,
     * {@code completed} with the time it talked once bridged, {@code canceled} before. Answers the
     * calling leg when that changed it. Only the leg the dial's outcome names counts: a losing leg
     * of a parallel dial changes nothing.
     */
    Optional<Call> legEnded(Call leg, Instant now) {
        Call parent = dialing(leg, now).orElse(null);
        if (parent == null) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> planned = FormEncoding.decode(parent.twimlParameters());
        // A leg answered but still in its whisper was never bridged.
        boolean answered = leg.answerTime() != null;
        boolean bridged =
                answered
                        && planned.stream()
                                .anyMatch(
                                        p ->
                                                p.getKey().equals("DialBridged")
                                                        && p.getValue().equals("true"));
        List<Map.Entry<String, String>> outcome = new ArrayList<>();
        for (Map.Entry<String, String> p : planned) {
            outcome.add(
                    switch (p.getKey()) {
                        case "DialCallStatus" ->
                                Map.entry(p.getKey(), answered ? "completed" : "canceled");
                        case "DialCallDuration" ->
                                Map.entry(
                                        p.getKey(),
                                        bridged && leg.duration() != null
                                                ? leg.duration().toString()
                                                : "0");
                        case "DialBridged" -> Map.entry(p.getKey(), Boolean.toString(bridged));
                        default -> p;
                    });
        }
        parent.endDialAt(now, FormEncoding.encode(outcome));
        calls.save(parent);
        return Optional.of(parent);
    }

    /**
     * A leg's whisper is over at {@code at}: the leg is bridged to its caller and talks on until
     * its talk time or the dial's timeLimit, and the dial is over then. Answers the calling leg
     * when that changed it.
     */
    Optional<Call> bridged(Call leg, CallScript script, Instant at, Instant now) {
        Instant end = steps.deadline(leg, script);
        leg.schedule(NextEvent.END_COMPLETED, end.isAfter(at) ? end : at);
        Call parent = dialing(leg, now).orElse(null);
        if (parent == null) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> outcome = new ArrayList<>();
        for (Map.Entry<String, String> p : FormEncoding.decode(parent.twimlParameters())) {
            outcome.add(
                    switch (p.getKey()) {
                        case "DialCallDuration" ->
                                Map.entry(
                                        p.getKey(),
                                        Long.toString(
                                                Duration.between(at, leg.nextEventAt())
                                                        .toSeconds()));
                        case "DialBridged" -> Map.entry(p.getKey(), "true");
                        default -> p;
                    });
        }
        flow.record(parent, CallFlow.Event.DIALING, leg.sid() + " bridged after its whisper", at);
        parent.endDialAt(leg.nextEventAt(), FormEncoding.encode(outcome));
        calls.save(parent);
        return Optional.of(parent);
    }

    /**
     * The calling leg whose dial's outcome names this leg, locked, while that dial is still to be
     * over; else empty.
     */
    private Optional<Call> dialing(Call leg, Instant now) {
        if (leg.parentCallSid() == null) {
            return Optional.empty();
        }
        return calls.lock(leg.parentCallSid())
                .filter(p -> p.nextEvent() == NextEvent.DIAL_DONE)
                .filter(p -> p.nextEventAt().isAfter(now))
                .filter(
                        p ->
                                FormEncoding.decode(p.twimlParameters()).stream()
                                        .anyMatch(
                                                e ->
                                                        e.getKey().equals("DialCallSid")
                                                                && e.getValue().equals(leg.sid())));
    }

    /** A call hung up while it dials: its legs end with it. */
    void endLegs(Call parent, Instant now) {
        endLegs(parent, now, false);
    }

    /**
     * The lifecycle ends a call's legs as it applies a round: a leg due by now is left to end
     * itself, since the round may hold it already, unsaved.
     */
    void endLegsNotDue(Call parent, Instant now) {
        endLegs(parent, now, true);
    }

    private void endLegs(Call parent, Instant now, boolean notDue) {
        for (Call leg : calls.lockLiveLegs(parent.sid())) {
            if (notDue && !leg.nextEventAt().isAfter(now)) {
                continue;
            }
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
