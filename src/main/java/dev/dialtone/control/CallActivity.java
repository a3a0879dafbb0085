package dev.dialtone.control;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.twiml.TwimlParser;
import dev.dialtone.twiml.Verb;
import java.time.Instant;
import java.util.List;

/**
 * What a call is doing now, for a test to wait on: {@code queued}, {@code ringing}, {@code
 * fetching} (its TwiML), {@code talking} (running a document), {@code gathering} (listening at a
 * Gather), {@code dialing}, {@code recording}, or {@code ended}; with the verb and document it is
 * at, when it is at one.
 */
record CallActivity(String doing, String verb, Integer position, String documentUrl) {

    static CallActivity of(Call call, Instant now) {
        if (call.status().isEnded()) {
            return new CallActivity("ended", null, null, null);
        }
        if (call.status() != CallStatus.IN_PROGRESS) {
            return new CallActivity(call.status().wire(), null, null, null);
        }
        NextEvent next = call.nextEvent();
        if (next == NextEvent.RUN_TWIML && call.twimlDocument() == null) {
            // A Record's action waits, with the recording's sid, until the recording ends.
            boolean recording =
                    call.twimlParameters() != null
                            && call.twimlParameters().contains("RecordingSid=")
                            && call.nextEventAt() != null
                            && call.nextEventAt().isAfter(now);
            return new CallActivity(
                    recording ? "recording" : "fetching", null, null, call.twimlUrl());
        }
        String doing =
                next == NextEvent.GATHER_DONE
                        ? "gathering"
                        : next == NextEvent.DIAL_DONE ? "dialing" : "talking";
        return new CallActivity(doing, verbAt(call), call.twimlPosition(), call.twimlUrl());
    }

    private static String verbAt(Call call) {
        if (call.twimlDocument() == null) {
            return null;
        }
        try {
            List<Verb> verbs = TwimlParser.parse(call.twimlDocument());
            int at = call.twimlPosition();
            return at < verbs.size() ? verbs.get(at).name() : null;
        } catch (TwimlParser.UnparseableTwiml e) {
            return null;
        }
    }
}
