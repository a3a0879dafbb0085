package dev.dialtone.webhooks;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.support.AfterCommit;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.Rfc2822;
import dev.dialtone.web.WebhookMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the status callbacks a call's progress causes into the outbox, in the transaction of the
 * change itself, for each event the call asked for ({@code StatusCallbackEvent}).
 */
@Component
public class StatusCallbacks {

    /** A call-progress event and the CallStatus it reports. */
    public enum Event {
        INITIATED("initiated"),
        RINGING("ringing"),
        ANSWERED("answered"),
        COMPLETED("completed");

        private final String wire;

        Event(String wire) {
            this.wire = wire;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WebhookDispatcher dispatcher;

    StatusCallbacks(JdbcTemplate jdbc, Clock clock, WebhookDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** Delivers every webhook due by now before it returns (see {@code WebhookDispatcher}). */
    public void deliverDue(java.time.Duration atMost) {
        dispatcher.settle(atMost);
    }

    /** When the next webhook after {@code after} is due, if any is. */
    public java.util.Optional<Instant> nextDueAfter(Instant after) {
        return dispatcher.nextDueAfter(after);
    }

    public void record(Call call, Event event) {
        record(call, event, List.of());
    }

    /** A call-progress event, with what a recording of the whole call adds to its completed one. */
    public void record(Call call, Event event, List<Map.Entry<String, String>> added) {
        if (call.statusCallback() == null || !call.statusCallbackEvents().contains(event.wire)) {
            return;
        }
        Instant now = DatabaseTime.now(clock);
        int sequence = call.takeCallbackSequence();
        List<Map.Entry<String, String>> p = VoiceParameters.of(call, callStatus(call, event));
        p.add(Map.entry("CallbackSource", "call-progress-events"));
        p.add(Map.entry("SequenceNumber", Integer.toString(sequence)));
        p.add(Map.entry("Timestamp", Rfc2822.format(now)));
        if (event == Event.COMPLETED) {
            int seconds = call.duration() == null ? 0 : call.duration();
            p.add(Map.entry("CallDuration", Integer.toString(seconds)));
            p.add(Map.entry("Duration", Integer.toString((seconds + 59) / 60)));
            // As the Call resource's callbacks page has it: only a failed or unanswered call
            // reports the SIP code it ended with.
            if (call.sipResponseCode() != null
                    && (call.status() == CallStatus.FAILED
                            || call.status() == CallStatus.NO_ANSWER)) {
                p.add(Map.entry("SipResponseCode", call.sipResponseCode().toString()));
            }
        }
        p.addAll(added);
        enqueue(call, call.statusCallback(), call.statusCallbackMethod(), p, sequence, now, now);
    }

    /**
     * Asynchronous answering-machine detection's verdict, posted to the call's
     * AsyncAmdStatusCallback once detection is over ({@code at}), through the same outbox and in
     * the same sequence as the call's other callbacks.
     */
    public void recordMachineDetection(
            Call call, String answeredBy, long detectionMillis, Instant at) {
        if (call.asyncAmdStatusCallback() == null) {
            return;
        }
        List<Map.Entry<String, String>> p = new ArrayList<>();
        p.add(Map.entry("CallSid", call.sid()));
        p.add(Map.entry("AccountSid", call.accountSid()));
        p.add(Map.entry("AnsweredBy", answeredBy));
        p.add(Map.entry("MachineDetectionDuration", Long.toString(detectionMillis)));
        enqueue(
                call,
                call.asyncAmdStatusCallback(),
                call.asyncAmdStatusCallbackMethod(),
                p,
                call.takeCallbackSequence(),
                DatabaseTime.now(clock),
                at);
    }

    /**
     * A recording's status callback (a {@code <Record>}'s {@code recordingStatusCallback}), due at
     * {@code at}, through the same outbox and in the same sequence as the call's other callbacks.
     */
    public void recordRecordingStatus(
            Call call,
            String url,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            Instant at) {
        List<Map.Entry<String, String>> p = new ArrayList<>();
        p.add(Map.entry("AccountSid", call.accountSid()));
        p.add(Map.entry("CallSid", call.sid()));
        p.addAll(parameters);
        enqueue(call, url, method, p, call.takeCallbackSequence(), DatabaseTime.now(clock), at);
    }

    /** A request into the outbox, due at {@code dueAt} unless one of the call's is still out. */
    private void enqueue(
            Call call,
            String url,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            int sequence,
            Instant now,
            Instant dueAt) {
        // A call's callbacks leave one at a time: behind an unsettled one, a new
        // one waits its turn.
        boolean behindAnother =
                jdbc.queryForObject(
                                "SELECT COUNT(*) FROM webhooks WHERE call_sid = ? AND state "
                                        + WebhookState.IN_LINE,
                                Integer.class,
                                call.sid())
                        > 0;
        jdbc.update(
                "INSERT INTO webhooks (call_sid, account_sid, url, method, parameters, sequence_number, state, attempts,"
                        + " created_at, next_attempt_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                call.sid(),
                call.accountSid(),
                url,
                method.name(),
                FormEncoding.encode(parameters),
                sequence,
                (behindAnother ? WebhookState.WAITING : WebhookState.PENDING).name(),
                DatabaseTime.utc(now),
                DatabaseTime.utc(dueAt),
                behindAnother ? null : DatabaseTime.utc(dueAt));
        if (behindAnother) {
            AfterCommit.run(() -> dispatcher.lookAgainAt(call.sid()));
        } else {
            AfterCommit.run(dispatcher::wakeNow);
        }
    }

    private static String callStatus(Call call, Event event) {
        return switch (event) {
            case INITIATED -> "initiated";
            case RINGING -> "ringing";
            case ANSWERED -> CallStatus.IN_PROGRESS.wire();
            case COMPLETED -> call.status().wire();
        };
    }
}
