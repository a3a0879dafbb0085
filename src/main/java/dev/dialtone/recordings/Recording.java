package dev.dialtone.recordings;

import dev.dialtone.web.WebhookMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recording as stored.
 *
 * @param durationSeconds the recorded time, as the app's action was told it
 * @param source as Twilio names it: {@code RecordVerb} for a {@code <Record>}, {@code DialVerb},
 *     {@code OutboundAPI} for {@code Record=true}, {@code StartCallRecordingAPI}
 * @param callback where its status goes, or null
 * @param pausedSince when it was paused, while it is
 * @param pausedSkips whether that pause is left out of the recording ({@code PauseBehavior=skip})
 *     rather than recorded as silence
 * @param skippedMillis the paused time left out so far
 */
public record Recording(
        String sid,
        String accountSid,
        String callSid,
        Instant dateCreated,
        Instant startTime,
        Instant endTime,
        int durationSeconds,
        String source,
        int channels,
        Callback callback,
        Instant pausedSince,
        boolean pausedSkips,
        long skippedMillis) {

    /** The source of a recording of a whole call ({@code Record=true} on create). */
    public static final String WHOLE_CALL = "OutboundAPI";

    /** The source of a recording started with {@code POST /Calls/{CA}/Recordings}. */
    public static final String STARTED_BY_API = "StartCallRecordingAPI";

    /** Until a recording that lasts until stopped ends. */
    public static final Instant UNTIL_STOPPED = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * Where a recording's status goes ({@code recordingStatusCallback}, its method, and the events
     * among {@code in-progress}, {@code completed}, {@code absent}).
     */
    public record Callback(String url, WebhookMethod method, List<String> events) {}

    boolean isOpen(Instant now) {
        return now.isBefore(endTime);
    }

    /**
     * {@code in-progress} (or {@code paused}) while the callee is still recorded; once over {@code
     * completed}, or {@code absent} when nothing was recorded (Twilio's "too short", 16101).
     */
    String status(Instant now) {
        if (isOpen(now)) {
            return pausedSince != null ? "paused" : "in-progress";
        }
        return durationSeconds == 0 ? "absent" : "completed";
    }

    /** The duration, known once the recording is over ({@code -1} before, as Twilio shows it). */
    String duration(Instant now) {
        return isOpen(now) ? "-1" : Integer.toString(durationSeconds);
    }

    /**
     * What it recorded if it ended at {@code at}: the time since its start, less skipped pauses.
     */
    int secondsUntil(Instant at) {
        long skipped = skippedMillis;
        if (pausedSince != null && pausedSkips) {
            skipped += Duration.between(pausedSince, at).toMillis();
        }
        return (int) Math.max(0, (Duration.between(startTime, at).toMillis() - skipped) / 1000);
    }
}
