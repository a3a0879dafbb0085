package dev.dialtone.recordings;

import java.time.Instant;

/**
 * A recording as stored.
 *
 * @param durationSeconds the recorded time, as the app's action was told it
 * @param source as Twilio names it: {@code RecordVerb} for a {@code <Record>}
 */
public record Recording(
        String sid,
        String accountSid,
        String callSid,
        Instant dateCreated,
        Instant startTime,
        Instant endTime,
        int durationSeconds,
        String source) {

    /** The source of a recording of a whole call ({@code Record=true} on create). */
    public static final String WHOLE_CALL = "OutboundAPI";

    /** Until a whole call's recording ends with the call. */
    public static final Instant UNTIL_THE_CALL_ENDS = Instant.parse("9999-12-31T00:00:00Z");

    /** {@code in-progress} while the callee is still recorded, {@code completed} after. */
    String status(Instant now) {
        return now.isBefore(endTime) ? "in-progress" : "completed";
    }

    /** The duration, known once the recording is over ({@code -1} before, as Twilio shows it). */
    String duration(Instant now) {
        return now.isBefore(endTime) ? "-1" : Integer.toString(durationSeconds);
    }
}
