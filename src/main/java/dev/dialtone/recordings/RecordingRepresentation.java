package dev.dialtone.recordings;

import com.fasterxml.jackson.annotation.JsonView;
import dev.dialtone.web.Nested;
import dev.dialtone.web.Rfc2822;
import java.time.Instant;

/**
 * A recording as the account's {@code /Recordings} show it: the spec's {@code
 * api.v2010.account.recording}, in schema order.
 */
record RecordingRepresentation(
        String accountSid,
        String apiVersion,
        String callSid,
        String conferenceSid,
        String dateCreated,
        String dateUpdated,
        String startTime,
        String duration,
        String sid,
        String price,
        String priceUnit,
        String status,
        Integer channels,
        String source,
        Integer errorCode,
        String uri,
        Object encryptionDetails,
        @JsonView(Nested.class) SubresourceUris subresourceUris,
        String mediaUrl) {

    record SubresourceUris(String addOnResults, String transcriptions) {}

    static String uri(Recording recording) {
        return "/2010-04-01/Accounts/" + recording.accountSid() + "/Recordings/" + recording.sid();
    }

    static RecordingRepresentation of(Recording recording, String baseUrl, Instant now) {
        String uri = uri(recording);
        return new RecordingRepresentation(
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
                "USD",
                recording.status(now),
                recording.channels(),
                recording.source(),
                null,
                uri + ".json",
                null,
                new SubresourceUris(uri + "/AddOnResults.json", uri + "/Transcriptions.json"),
                baseUrl + uri);
    }
}
