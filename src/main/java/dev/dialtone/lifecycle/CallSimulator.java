package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.support.AfterCommit;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.InFlightLimit;
import dev.dialtone.support.WakeableLoop;
import dev.dialtone.twiml.Callee;
import dev.dialtone.twiml.RecordingCallback;
import dev.dialtone.twiml.TwimlInterpreter;
import dev.dialtone.twiml.TwimlParser;
import dev.dialtone.twiml.TwimlPlan;
import dev.dialtone.twiml.Verb;
import dev.dialtone.twiml.VerbTimings;
import dev.dialtone.webhooks.CallNotifications;
import dev.dialtone.webhooks.FormEncoding;
import dev.dialtone.webhooks.StatusCallbacks;
import dev.dialtone.webhooks.TwimlFetcher;
import dev.dialtone.webhooks.VoiceParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Advances calls through their lifecycle. The database says what is due for each call; this claims
 * due calls with row locks ({@code FOR UPDATE SKIP LOCKED}), so each transition happens exactly
 * once however many instances share the database, and applies them together with the status
 * callbacks they cause. TwiML fetches run outside the transaction, under a lease.
 */
@Component
public class CallSimulator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallSimulator.class);
    private static final int BATCH = 200;
    private static final String DUE =
            "SELECT sid FROM calls WHERE next_event_at <= ? ORDER BY next_event_at LIMIT ?";

    /**
     * TwiML fetches under way at once: a burst of thousands of answered calls would fill the heap.
     */
    private static final int MAX_FETCHES = 64;

    /** Messaging's code for too many redirects, raised when CallSteps ends a redirect loop. */
    static final int REDIRECT_LOOP = 14106;

    private final CallStore calls;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SimulationProperties simulation;
    private final StatusCallbacks callbacks;
    private final CallNotifications notifications;
    private final CallEndings endings;
    private final FailedSteps failedSteps;
    private final TwimlFetcher fetcher;
    private final Scenarios scenarios;
    private final CallFlow flow;
    private final CallDials dials;
    private final VerbRecordings verbRecordings;
    private final PlanJournal planJournal;
    private final VerbTimings timings;
    private final CallSteps steps;
    private final Clock clock;
    private final Timer lag;
    private volatile WakeableLoop loop;
    private final InFlightLimit fetchLimit = new InFlightLimit(MAX_FETCHES, this::wakeNow);

    CallSimulator(
            CallStore calls,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            SimulationProperties simulation,
            StatusCallbacks callbacks,
            CallNotifications notifications,
            CallEndings endings,
            FailedSteps failedSteps,
            TwimlFetcher fetcher,
            Scenarios scenarios,
            CallFlow flow,
            CallDials dials,
            VerbRecordings verbRecordings,
            PlanJournal planJournal,
            Clock clock,
            MeterRegistry meters) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.simulation = simulation;
        this.callbacks = callbacks;
        this.notifications = notifications;
        this.endings = endings;
        this.failedSteps = failedSteps;
        this.fetcher = fetcher;
        this.scenarios = scenarios;
        this.flow = flow;
        this.dials = dials;
        this.verbRecordings = verbRecordings;
        this.planJournal = planJournal;
        this.timings =
                new VerbTimings(
                        simulation.sayTimePerCharacter(),
                        simulation.playTime(),
                        simulation.unsimulatedVerbTime());
        this.clock = clock;
        this.steps = new CallSteps(simulation);
        this.lag =
                Timer.builder("dialtone.lifecycle.lag")
                        .description(
                                "Time from when a call's next event was due until it was applied")
                        .publishPercentiles(0.5, 0.99)
                        .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!simulation.enabled()) {
            return;
        }
        loop = new WakeableLoop("lifecycle", this::round, clock, simulation.sweepInterval());
        loop.wakeNow();
    }

    /** Something becomes due at {@code at}: be there. */
    public void wakeAt(Instant at) {
        WakeableLoop current = loop;
        if (current != null && at != null) {
            current.wakeAt(at);
        }
    }

    private void wakeNow() {
        wakeAt(clock.instant());
    }

    /**
     * A TwiML fetch the claim started: the end of the lease it holds, and what to fetch. Its result
     * counts while the call still waits under that lease; changes that leave the call's TwiML alone
     * (a TimeLimit, a callback URL) do not supersede it.
     */
    private record Fetch(String sid, Instant lease, TwimlFetcher.Request request) {}

    private Optional<Instant> round() {
        int claimed;
        int total = 0;
        int room;
        do {
            // A claim starts at most one fetch per call, so it claims no more calls
            // than fetches may start.
            room = fetchLimit.room(BATCH);
            if (room == 0) {
                break;
            }
            int limit = room;
            List<Fetch> fetches = new ArrayList<>();
            claimed = claimDue(limit, fetches);
            total += claimed;
            fetchLimit.take(fetches.size());
            fetches.forEach(this::startFetch);
        } while (claimed == room);
        // MIN skips NULLs by itself; a WHERE ... IS NOT NULL would make H2 walk every finished
        // call's index entry.
        OffsetDateTime next =
                jdbc.queryForObject("SELECT MIN(next_event_at) FROM calls", OffsetDateTime.class);
        return WakeableLoop.nextRound(next, total, clock);
    }

    /**
     * Claims and applies the due calls in one transaction. Should that fail, each call is tried
     * again in a transaction of its own, and the one that fails alone is ended, with a
     * notification, so that one call's trouble never holds up the others.
     */
    private int claimDue(int limit, List<Fetch> fetches) {
        Instant now = now();
        List<String> candidates =
                jdbc.queryForList(DUE, String.class, DatabaseTime.utc(now), limit);
        if (candidates.isEmpty()) {
            return 0;
        }
        try {
            transactions.executeWithoutResult(status -> applyDue(candidates, now, fetches));
        } catch (RuntimeException batchFailed) {
            fetches.clear();
            log.warn(
                    "Applying {} due calls together failed ({}); applying them one by one",
                    candidates.size(),
                    batchFailed.toString());
            for (String sid : candidates) {
                List<Fetch> own = new ArrayList<>();
                try {
                    transactions.executeWithoutResult(status -> applyDue(List.of(sid), now, own));
                    fetches.addAll(own);
                } catch (RuntimeException failed) {
                    failedSteps.end(sid, failed);
                }
            }
        }
        return candidates.size();
    }

    private void applyDue(List<String> candidates, Instant now, List<Fetch> fetches) {
        // Lock those still due that no one else holds: H2 would lock every row its ordered scan
        // reads, so the lock is taken on the chosen rows alone.
        String in = CallStore.placeholders(candidates.size());
        List<Object> args = new ArrayList<>(candidates);
        args.add(DatabaseTime.utc(now));
        List<String> sids =
                jdbc.queryForList(
                        "SELECT sid FROM calls WHERE sid IN ("
                                + in
                                + ") AND next_event_at <= ?"
                                + " FOR UPDATE SKIP LOCKED",
                        String.class,
                        args.toArray());
        if (sids.isEmpty()) {
            return;
        }
        List<Call> due = calls.findAll(sids);
        List<Call> fetching = new ArrayList<>();
        for (Call call : due) {
            if (call.nextEventAt() != null) {
                lag.record(Duration.between(call.nextEventAt(), now));
            }
            if (apply(call, now)) {
                fetching.add(call);
            }
        }
        calls.saveAll(due);
        for (Call call : fetching) {
            fetches.add(new Fetch(call.sid(), call.nextEventAt(), fetchRequest(call)));
        }
    }

    /** Applies the call's due event; answers whether it now waits for a TwiML fetch. */
    private boolean apply(Call call, Instant now) {
        NextEvent event = call.nextEvent();
        if (event == null) {
            return false;
        }
        switch (event) {
            case DIAL -> dial(call, now);
            case ANSWER -> {
                return call.isInbound() && call.status() == CallStatus.RINGING
                        ? ringInbound(call, now)
                        : answer(call, now);
            }
            case RUN_TWIML -> {
                return runTwiml(call, null, now);
            }
            case DIAL_DONE -> {
                return dialDone(call, now);
            }
            case GATHER_DONE -> {
                return gatherDone(call, now);
            }
            default -> {
                Instant at = CallSteps.happenedAt(call, now);
                end(call, event.endStatus(), call.plannedSipResponseCode(), at);
                if (call.dialedMillis() > 0) {
                    // It hung up while it dialed (its TimeLimit): its legs hang up too.
                    dials.endLegsNotDue(call, at);
                }
            }
        }
        return false;
    }

    /** Dialing starts: the call is initiated, rings, and its script decides what happens next. */
    void dial(Call call, Instant now) {
        dial(call, script(call), now);
    }

    private void dial(Call call, CallScript script, Instant now) {
        steps.dial(call, script, now);
        callbacks.record(call, StatusCallbacks.Event.INITIATED);
        callbacks.record(call, StatusCallbacks.Event.RINGING);
    }

    /**
     * Who the person at the other end is, as the scenarios script them: a rule may name the called
     * number, the calling one, or both (the caller of a call to the account's number is its From).
     */
    private CallScript script(Call call) {
        return scenarios.scriptFor(call.accountSid(), call.to(), call.from());
    }

    /**
     * A call to the account's number rings: its VoiceUrl is requested (CallStatus=ringing), and the
     * document answers the call, unless it rejects it. Answers that a fetch must follow.
     */
    private boolean ringInbound(Call call, Instant now) {
        call.fetchWhileRinging();
        call.schedule(NextEvent.RUN_TWIML, now.plus(simulation.twimlLease()));
        return true;
    }

    /**
     * A ringing inbound call's document arrived: a {@code <Reject>} first refuses the call
     * unanswered ({@code busy} with reason busy, else {@code no-answer}); anything else answers it.
     * Answers whether the call now runs the document.
     */
    private boolean answerInbound(Call call, List<Verb> verbs, Instant now) {
        TwimlPlan.Ending rejected = TwimlInterpreter.rejection(verbs);
        if (rejected != null) {
            flow.record(call, CallFlow.Event.VERB, "0: <Reject>", now);
            end(
                    call,
                    rejected == TwimlPlan.Ending.REJECT_BUSY
                            ? CallStatus.BUSY
                            : CallStatus.NO_ANSWER,
                    null,
                    now);
            return false;
        }
        answered(call, now);
        return true;
    }

    /** The call is answered now, as its callbacks and timeline say. */
    private void answered(Call call, Instant now) {
        call.answer(now, null);
        callbacks.record(call, StatusCallbacks.Event.ANSWERED);
        flow.record(call, CallFlow.Event.ANSWERED, null, now);
    }

    /** The callee answers and the call's TwiML starts; answers whether a fetch must follow. */
    boolean answer(Call call, Instant now) {
        CallScript script = script(call);
        CallSteps.Detection detection = steps.detect(call, script);
        call.answer(
                CallSteps.happenedAt(call, now), detection == null ? null : detection.answeredBy());
        callbacks.record(call, StatusCallbacks.Event.ANSWERED);
        flow.record(call, CallFlow.Event.ANSWERED, null, now);
        if (call.record()) {
            verbRecordings.wholeCall(call, now);
        }
        if (call.sendDigits() != null) {
            flow.record(call, CallFlow.Event.SENT_DIGITS, call.sendDigits(), now);
        }
        if (detection != null) {
            Instant detected = now.plus(detection.took());
            flow.record(
                    call,
                    CallFlow.Event.MACHINE_DETECTION,
                    detection.answeredBy() + " after " + detection.took().toMillis() + " ms",
                    detected);
            if (!Boolean.TRUE.equals(call.asyncAmd())) {
                // Synchronous detection: the TwiML runs once it is over, with AnsweredBy.
                call.schedule(NextEvent.RUN_TWIML, detected);
                return false;
            }
            callbacks.recordMachineDetection(
                    call, detection.answeredBy(), detection.took().toMillis(), detected);
        }
        return runTwiml(call, script, now);
    }

    /**
     * Runs the call's current TwiML: inline at once, a URL under a lease while it is fetched.
     *
     * @param script the call's script when the caller has it already, else null
     */
    private boolean runTwiml(Call call, CallScript script, Instant now) {
        if (call.twimlDocument() != null) {
            try {
                CallScript callee = script != null ? script : script(call);
                // Inline TwiML has no URL; a kept document (a call that dialed) keeps its own.
                follow(
                        call,
                        callee,
                        new Document(call.twimlDocument(), TwimlParser.parse(call.twimlDocument())),
                        call.twimlPosition(),
                        call.twimlUrl(),
                        now);
            } catch (TwimlParser.UnparseableTwiml e) {
                twimlFailed(call, e.errorCode(), e.getMessage(), now);
            }
            return false;
        }
        if (call.twimlUrl() == null) {
            // A Dial leg (or an ApplicationSid call stored before those were refused) has no
            // TwiML of its own: it just talks, until its talk time or TimeLimit.
            steps.follow(
                    call,
                    script != null ? script : script(call),
                    new TwimlPlan(
                            Duration.ofDays(1), TwimlPlan.Ending.HANG_UP, null, null, List.of()),
                    now);
            return false;
        }
        call.schedule(NextEvent.RUN_TWIML, now.plus(simulation.twimlLease()));
        return true;
    }

    /** The call has no TwiML it can run: Twilio ends it, and says why. */
    private void twimlFailed(Call call, int errorCode, String error, Instant now) {
        if (call.status() == CallStatus.RINGING) {
            // An incoming call whose number has no TwiML is answered with Twilio's apology.
            answered(call, now);
        }
        log.info(
                "Call {}: no TwiML to run ({} {}); the call ends as Twilio ends it",
                call.sid(),
                errorCode,
                error);
        notifications.record(
                call.sid(),
                call.accountSid(),
                CallNotifications.Level.ERROR,
                errorCode,
                error,
                call.twimlUrl(),
                call.twimlDocument() == null && call.twimlMethod() != null
                        ? call.twimlMethod().name()
                        : null);
        end(call, CallStatus.COMPLETED, null, now);
    }

    private TwimlFetcher.Request fetchRequest(Call call) {
        boolean first = call.twimlUrl().equals(call.url());
        return new TwimlFetcher.Request(
                call.sid(),
                call.accountSid(),
                call.twimlUrl(),
                call.twimlMethod(),
                first ? call.fallbackUrl() : null,
                call.fallbackMethod(),
                withRequested(
                        VoiceParameters.of(
                                call,
                                call.status() == CallStatus.RINGING
                                        ? CallStatus.RINGING.wire()
                                        : CallStatus.IN_PROGRESS.wire()),
                        call.twimlParameters()));
    }

    /** The voice parameters and what this request adds to them (a Gather's Digits). */
    private static List<Map.Entry<String, String>> withRequested(
            List<Map.Entry<String, String>> voice, String requested) {
        if (requested == null || requested.isEmpty()) {
            return voice;
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>(voice);
        parameters.addAll(FormEncoding.decode(requested));
        return parameters;
    }

    /** Starts a fetch that holds one of the permits; it gives it back when done. */
    private void startFetch(Fetch fetch) {
        CompletableFuture<TwimlFetcher.Result<Document>> fetching;
        try {
            fetching = fetcher.fetch(fetch.request(), CallSimulator::document);
        } catch (RuntimeException e) {
            // The call's lease runs out and the fetch is tried again; the permit must
            // not be lost meanwhile.
            fetchLimit.release();
            log.warn("Call {}: TwiML fetch could not start: {}", fetch.sid(), e.toString());
            return;
        }
        fetching.handle(
                (result, error) -> {
                    try {
                        if (error != null) {
                            failedSteps.end(fetch.sid(), error);
                        } else {
                            applyFetched(fetch, result);
                        }
                    } catch (RuntimeException e) {
                        log.warn(
                                "Call {}: TwiML fetch could not be applied: {}",
                                fetch.sid(),
                                e.toString());
                    } finally {
                        fetchLimit.release();
                    }
                    return null;
                });
    }

    /** A TwiML document: its text (kept when the call dials) and its verbs. */
    record Document(String body, List<Verb> verbs) {}

    /** A fetched body as the verbs it holds, or why it holds none Twilio would run. */
    private static Document document(String body) throws TwimlFetcher.UnusableDocument {
        try {
            return new Document(body, TwimlParser.parse(body));
        } catch (TwimlParser.UnparseableTwiml e) {
            throw new TwimlFetcher.UnusableDocument(e.errorCode(), e.getMessage());
        }
    }

    private void applyFetched(Fetch fetch, TwimlFetcher.Result<Document> result) {
        try {
            transactions.executeWithoutResult(
                    status -> {
                        Call call = calls.lock(fetch.sid()).orElse(null);
                        // Only the fetch the call still waits for counts: a hang-up, a redirect or
                        // a lapsed lease supersede it.
                        if (call == null
                                || call.nextEvent() != NextEvent.RUN_TWIML
                                || !fetch.lease().equals(call.nextEventAt())) {
                            return;
                        }
                        Instant now = now();
                        if (result.failed()) {
                            twimlFailed(call, result.errorCode(), result.error(), now);
                        } else if (call.status() == CallStatus.RINGING
                                && !answerInbound(call, result.document().verbs(), now)) {
                            // Rejected: it never rang through.
                        } else {
                            try {
                                follow(
                                        call,
                                        script(call),
                                        result.document(),
                                        0,
                                        result.documentUrl(),
                                        now);
                            } catch (TwimlParser.UnparseableTwiml e) {
                                twimlFailed(call, e.errorCode(), e.getMessage(), now);
                            }
                        }
                        calls.save(call);
                        wakeAfterCommit(call);
                    });
        } catch (RuntimeException failed) {
            failedSteps.end(fetch.sid(), failed);
        }
    }

    /**
     * Plans a document with the callee's script (who answers its Gathers) and schedules what it
     * leads to.
     */
    private void follow(
            Call call,
            CallScript script,
            Document document,
            int from,
            String documentUrl,
            Instant now)
            throws TwimlParser.UnparseableTwiml {
        TwimlPlan plan =
                TwimlInterpreter.plan(
                        document.verbs(), from, documentUrl, timings, script, call.gathers());
        flow.record(
                call,
                CallFlow.Event.DOCUMENT,
                (documentUrl == null ? "inline TwiML" : documentUrl)
                        + (from > 0 ? ", from verb " + from : ""),
                now);
        boolean waits =
                plan.ending() == TwimlPlan.Ending.DIAL
                        || plan.ending() == TwimlPlan.Ending.GATHER
                        || plan.ending() == TwimlPlan.Ending.RECORD;
        // A verb the call waits at later is shown when the call gets there.
        planJournal.started(
                call, script, plan, waits && !plan.elapsed().isZero() ? plan.position() : -1, now);
        heard(call, plan, "", now.plus(simulation.scaled(plan.elapsed())));
        if (waits) {
            Instant deadline = steps.deadline(call, script);
            if (plan.elapsed().isZero() && now.isBefore(deadline)) {
                call.countGathers(plan.gathers());
                planJournal.noted(call, plan);
                if (plan.ending() == TwimlPlan.Ending.DIAL) {
                    dials.start(
                                    call,
                                    script,
                                    document.body(),
                                    document.verbs(),
                                    plan.position(),
                                    documentUrl,
                                    now)
                            .forEach(this::wakeAfterCommit);
                } else if (plan.ending() == TwimlPlan.Ending.RECORD) {
                    call.countGathers(1);
                    verbRecordings.start(
                            call,
                            plan,
                            RecordingCallback.of(document.verbs(), plan.position(), documentUrl),
                            deadline,
                            now);
                } else {
                    call.countGathers(1);
                    // Listening ends with the wait, or with the call when that comes first.
                    Instant until = now.plus(simulation.scaled(plan.waiting()));
                    Instant listening = deadline.isBefore(until) ? deadline : until;
                    call.listenUntil(documentUrl, document.body(), plan.position(), listening);
                    flow.record(
                            call,
                            CallFlow.Event.GATHERING,
                            "verb " + plan.position() + ", until " + listening,
                            now);
                }
                return;
            }
            // The call gets to the verb later: keep the document to go on in it there.
            call.runTwiml(documentUrl, call.twimlMethod(), document.body());
            call.continueAt(plan.position());
        }
        follow(call, script, plan, now);
    }

    /**
     * The Dial is over: its action is requested with the outcome, or without one the call goes on
     * with the verb after the Dial. Answers whether a fetch must follow.
     */
    private boolean dialDone(Call call, Instant now) {
        try {
            dials.done(call, now);
        } catch (TwimlParser.UnparseableTwiml e) {
            twimlFailed(call, e.errorCode(), e.getMessage(), now);
            return false;
        }
        return runTwiml(call, null, now);
    }

    /**
     * The call's Gather heard nothing in time: with {@code actionOnEmptyResult} its action is
     * requested without input, otherwise the call goes on with the next verb. Answers whether a
     * fetch must follow.
     */
    private boolean gatherDone(Call call, Instant now) {
        TwimlPlan request;
        try {
            request =
                    TwimlInterpreter.heardNothing(
                            TwimlParser.parse(call.twimlDocument()),
                            call.twimlPosition(),
                            call.twimlUrl());
        } catch (TwimlParser.UnparseableTwiml e) {
            twimlFailed(call, e.errorCode(), e.getMessage(), now);
            return false;
        }
        flow.record(call, CallFlow.Event.HEARD_NOTHING, "verb " + call.twimlPosition(), now);
        if (request == null) {
            call.goOnAfterGather();
            return runTwiml(call, null, now);
        }
        follow(call, script(call), request, now);
        return false;
    }

    /**
     * Input given live to a call that listens at a {@code <Gather>}: its action is requested with
     * it, once the caller's transaction commits. Answers false, changing nothing, when the call
     * does not listen or its Gather does not take that kind of input.
     */
    public boolean input(Call call, String digits, String speech) {
        Instant now = now();
        if (!call.isListening(now)) {
            return false;
        }
        TwimlPlan request;
        try {
            request =
                    TwimlInterpreter.heardLive(
                            TwimlParser.parse(call.twimlDocument()),
                            call.twimlPosition(),
                            call.twimlUrl(),
                            new Callee.Answer(digits, speech, Duration.ZERO));
        } catch (TwimlParser.UnparseableTwiml e) {
            return false;
        }
        if (request == null) {
            return false;
        }
        heard(call, request, " (live)", now);
        follow(call, script(call), request, now);
        calls.save(call);
        wakeAfterCommit(call);
        return true;
    }

    /** A plan that requests a Gather's action with input: the flow says what was heard. */
    private void heard(Call call, TwimlPlan plan, String how, Instant now) {
        String input =
                plan.parameters().stream()
                        .filter(
                                p ->
                                        p.getKey().equals("Digits")
                                                || p.getKey().equals("SpeechResult"))
                        .map(p -> p.getKey() + "=" + p.getValue())
                        .findFirst()
                        .orElse(null);
        if (input != null) {
            flow.record(call, CallFlow.Event.HEARD, input + how, now);
        }
    }

    /** Schedules what a TwiML plan leads to, within the call's talk time and TimeLimit. */
    private void follow(Call call, CallScript script, TwimlPlan plan, Instant now) {
        planJournal.noted(call, plan);
        Instant deadline = steps.deadline(call, script);
        Instant end = now.plus(simulation.scaled(plan.elapsed()));
        if (plan.ending() == TwimlPlan.Ending.DONE
                && call.parentCallSid() != null
                && end.isBefore(deadline)) {
            // A leg's whisper is over: it is bridged rather than hung up.
            dials.bridged(call, script, end, now).ifPresent(this::wakeAfterCommit);
            return;
        }
        if (!end.isBefore(deadline)) {
            // Say so: a flow cut short by the default talk time is a classic surprise.
            Instant limit = steps.timeLimitEnd(call);
            flow.record(
                    call,
                    CallFlow.Event.CUT_SHORT,
                    limit != null && !limit.isAfter(deadline)
                            ? "the call's TimeLimit ended it before its TwiML did"
                            : "the callee hung up (its scenario's talk time) before the TwiML"
                                    + " ended",
                    deadline.isAfter(now) ? deadline : now);
        }
        if (!steps.follow(call, script, plan, now)) {
            notifications.record(
                    call.sid(),
                    call.accountSid(),
                    CallNotifications.Level.ERROR,
                    REDIRECT_LOOP,
                    "More than "
                            + CallSteps.MAX_IDLE_REDIRECTS
                            + " <Redirect>s in a row without a second of call between"
                            + " them: a redirect loop; the call ended",
                    plan.redirectUrl(),
                    plan.redirectMethod().name());
        }
    }

    /**
     * Applies, here and now, every step due by the clock's time, and waits for the TwiML fetches
     * they start and what those lead to: a manual clock's advance returns only once it is done.
     */
    public void settle(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        // Done when nothing is due and no fetch is under way, this loop's or the background
        // loop's: a fetch still out holds a lease an advance must not step past.
        boolean done;
        do {
            round();
            fetchLimit.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            done =
                    fetchLimit.isIdle()
                            && jdbc.queryForObject(
                                            "SELECT COUNT(*) FROM calls WHERE next_event_at <= ?",
                                            Integer.class,
                                            DatabaseTime.utc(now()))
                                    == 0
                            && fetchLimit.isIdle();
        } while (!done && System.nanoTime() < deadline);
    }

    /** When the next call's step after {@code after} is due, if any is. */
    public Optional<Instant> nextDueAfter(Instant after) {
        OffsetDateTime next =
                jdbc.queryForObject(
                        "SELECT MIN(next_event_at) FROM calls WHERE next_event_at > ?",
                        OffsetDateTime.class,
                        DatabaseTime.utc(after));
        return Optional.ofNullable(next).map(OffsetDateTime::toInstant);
    }

    // What an operator may do through the control API, inside the caller's transaction.

    /**
     * A call ended outside its plan (an update, the control API): the legs it dials end with it,
     * and the dial it is a leg of is over.
     */
    public void endedEarly(Call call) {
        Instant now = now();
        dials.endLegs(call, now);
        dials.legEnded(call, now).ifPresent(this::wakeAfterCommit);
    }

    /** Dials a queued call now. */
    public void ringNow(Call call) {
        dial(call, now());
        calls.save(call);
        wakeAfterCommit(call);
    }

    /** Answers a ringing call now; its TwiML fetch starts once the answer is committed. */
    public void answerNow(Call call) {
        boolean fetching = answer(call, now());
        calls.save(call);
        if (fetching) {
            Fetch fetch = new Fetch(call.sid(), call.nextEventAt(), fetchRequest(call));
            AfterCommit.run(
                    () -> {
                        fetchLimit.take(1);
                        startFetch(fetch);
                    });
        }
        wakeAfterCommit(call);
    }

    /** Ends a live call now with the status given. */
    public void endNow(Call call, CallStatus status, Integer sipCode) {
        Instant now = now();
        end(call, status, sipCode, now);
        calls.save(call);
        dials.endLegs(call, now);
    }

    /** An update set a TimeLimit: a call in progress ends at it. */
    public void applyTimeLimit(Call call) {
        steps.applyTimeLimit(call, now());
    }

    public void wakeAfterCommit(Call call) {
        Instant next = call.nextEventAt();
        if (next != null) {
            AfterCommit.run(() -> wakeAt(next));
        }
    }

    /** Ends the call; a leg that ends before its dial planned ends the dial. */
    void end(Call call, CallStatus status, Integer sipCode, Instant now) {
        endings.end(call, status, sipCode, now);
        dials.legEnded(call, now).ifPresent(this::wakeAfterCommit);
    }

    private Instant now() {
        return DatabaseTime.now(clock);
    }

    @Override
    public void destroy() {
        if (loop != null) {
            loop.close();
        }
    }
}
