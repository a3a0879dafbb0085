package dev.dialtone.recordings;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.FormParameters;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.WebhookMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recordings of a live call made through the REST API: {@code POST /Calls/{CA}/Recordings} starts
 * one, {@code POST /Calls/{CA}/Recordings/{RE}} pauses, resumes or stops it. The call is locked
 * meanwhile, so it cannot end half way through.
 */
@Component
class LiveRecordings {

    /** The sid that names the call's recording under way, as Twilio accepts it. */
    static final String CURRENT = "Twilio.CURRENT";

    private static final Set<String> EVENTS =
            new LinkedHashSet<>(List.of("in-progress", "completed", "absent"));
    private static final Set<String> STATUSES =
            new LinkedHashSet<>(List.of("paused", "in-progress", "stopped"));
    private static final Set<String> PAUSE_BEHAVIORS =
            new LinkedHashSet<>(List.of("skip", "silence"));
    private static final Set<String> CHANNELS = new LinkedHashSet<>(List.of("mono", "dual"));
    private static final Set<String> TRACKS =
            new LinkedHashSet<>(List.of("inbound", "outbound", "both"));
    private static final Set<String> TRIM =
            new LinkedHashSet<>(List.of("trim-silence", "do-not-trim"));

    private final CallStore calls;
    private final RecordingStore store;
    private final CallRecordings recordings;
    private final Clock clock;

    LiveRecordings(CallStore calls, RecordingStore store, CallRecordings recordings, Clock clock) {
        this.calls = calls;
        this.store = store;
        this.recordings = recordings;
        this.clock = clock;
    }

    @Transactional
    Recording start(
            String accountSid, String callSid, Map<String, List<String>> form, String path) {
        FormParameters p = new FormParameters(form);
        String url =
                p.url(
                        "RecordingStatusCallback",
                        TwilioErrorCodes.RECORDING_STATUS_CALLBACK_INVALID);
        WebhookMethod method = p.method("RecordingStatusCallbackMethod", WebhookMethod.POST);
        List<String> events =
                p.words(
                        "RecordingStatusCallbackEvent",
                        TwilioErrorCodes.RECORDING_STATUS_CALLBACK_EVENT_INVALID,
                        EVENTS);
        String channels =
                p.choice("RecordingChannels", TwilioErrorCodes.INVALID_PARAMETER, CHANNELS);
        // Accepted and checked; the generated audio is the same whatever they say.
        p.choice("RecordingTrack", TwilioErrorCodes.INVALID_PARAMETER, TRACKS);
        p.choice("Trim", TwilioErrorCodes.INVALID_PARAMETER, TRIM);
        Call call = liveCall(accountSid, callSid, path);
        return recordings.started(
                call,
                Recording.STARTED_BY_API,
                "dual".equals(channels) ? 2 : 1,
                url == null
                        ? null
                        : new Recording.Callback(
                                url, method, events.isEmpty() ? List.of("completed") : events),
                now());
    }

    @Transactional
    Recording update(
            String accountSid,
            String callSid,
            String sid,
            Map<String, List<String>> form,
            String path) {
        FormParameters p = new FormParameters(form);
        String status = p.choice("Status", TwilioErrorCodes.INVALID_PARAMETER, STATUSES);
        if (status == null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.MISSING_PARAMETER,
                    "Missing required parameter Status in the post body");
        }
        String behavior =
                p.choice("PauseBehavior", TwilioErrorCodes.INVALID_PARAMETER, PAUSE_BEHAVIORS);
        Call call = ownCall(accountSid, callSid, path);
        Instant now = now();
        Recording recording =
                sid.equals(CURRENT)
                        ? store.open(callSid, now).stream()
                                .reduce((first, second) -> second)
                                .orElseThrow(() -> TwilioException.notFound(path))
                        : store.find(accountSid, sid)
                                .filter(r -> r.callSid().equals(callSid))
                                .orElseThrow(() -> TwilioException.notFound(path));
        if (!recording.isOpen(now)) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.CALL_NOT_IN_PROGRESS,
                    "Recording " + recording.sid() + " is over; it can no longer be " + status);
        }
        switch (status) {
            case "paused" -> {
                if (recording.pausedSince() == null) {
                    store.pause(recording, now, "skip".equals(behavior));
                }
            }
            case "in-progress" -> {
                if (recording.pausedSince() != null) {
                    store.resume(recording, now);
                }
            }
            default -> recordings.stop(call, recording, now);
        }
        return store.find(accountSid, recording.sid()).orElseThrow();
    }

    private Call ownCall(String accountSid, String callSid, String path) {
        return calls.lock(callSid)
                .filter(c -> c.accountSid().equals(accountSid))
                .orElseThrow(() -> TwilioException.notFound(path));
    }

    private Call liveCall(String accountSid, String callSid, String path) {
        Call call = ownCall(accountSid, callSid, path);
        if (call.status() != CallStatus.IN_PROGRESS) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.CALL_NOT_IN_PROGRESS,
                    "Call "
                            + callSid
                            + " is not in-progress; only a call in progress can be recorded");
        }
        return call;
    }

    private Instant now() {
        return DatabaseTime.now(clock);
    }
}
