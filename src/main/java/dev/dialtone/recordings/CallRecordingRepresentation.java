package dev.dialtone.recordings;

import dev.dialtone.web.Rfc2822;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recording as a call's {@code /Calls/{Sid}/Recordings} show it: the spec's {@code
 * api.v2010.account.call.call_recording}, in schema order.
 */
record CallRecordingRepresentation(
        String accountSid,
        String apiVersion,
        String callSid,
        String conferenceSid,
        String dateCreated,
        String dateUpdated,
        String startTime,
        String duration,
        String sid,
        BigDecimal price,
        String uri,
        Object encryptionDetails,
        String priceUnit,
        String status,
        int channels,
        String source,
        Integer errorCode,
        String track) {

    static CallRecordingRepresentation of(Recording recording, Instant now) {
        return new CallRecordingRepresentation(
                recording.accountSid(),
                "2010-04-01",
                recording.callSid(),
                null,
                Rfc2822.format(recording.dateCreated()),
                Rfc2822.format(
                        now.isBefore(recording.endTime())
                                ? recording.dateCreated()
                                : recording.endTime()),
                Rfc2822.format(recording.startTime()),
                recording.duration(now),
                recording.sid(),
                null,
                "/2010-04-01/Accounts/"
                        + recording.accountSid()
                        + "/Calls/"
                        + recording.callSid()
                        + "/Recordings/"
                        + recording.sid()
                        + ".json",
                null,
                "USD",
                recording.status(now),
                recording.channels(),
                recording.source(),
                null,
                "both");
    }
}
