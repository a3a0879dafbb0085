package dev.dialtone.calls;

import com.fasterxml.jackson.annotation.JsonView;
import dev.dialtone.web.Nested;
import dev.dialtone.web.Rfc2822;

/**
 * The one representation of a call: the spec's {@code api.v2010.account.call} properties in schema
 * order, every one present. Components are named in camelCase; the renderer writes them as
 * snake_case (JSON) or PascalCase (XML, CSV). Numbers Twilio sends as strings stay strings.
 */
public record CallRepresentation(
        String sid,
        String dateCreated,
        String dateUpdated,
        String parentCallSid,
        String accountSid,
        String to,
        String toFormatted,
        String from,
        String fromFormatted,
        String phoneNumberSid,
        String status,
        String startTime,
        String endTime,
        String duration,
        String price,
        String priceUnit,
        String direction,
        String answeredBy,
        String apiVersion,
        String forwardedFrom,
        String groupSid,
        String callerName,
        String queueTime,
        String trunkSid,
        String uri,
        @JsonView(Nested.class) SubresourceUris subresourceUris) {

    /** The call's subresources, as the spec lists them. */
    public record SubresourceUris(
            String notifications,
            String recordings,
            String payments,
            String events,
            String siprec,
            String streams,
            String transcriptions,
            String userDefinedMessageSubscriptions,
            String userDefinedMessages) {

        static SubresourceUris of(String accountSid, String callSid) {
            String base = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + "/";
            return new SubresourceUris(
                    base + "Notifications.json",
                    base + "Recordings.json",
                    base + "Payments.json",
                    base + "Events.json",
                    base + "Siprec.json",
                    base + "Streams.json",
                    base + "Transcriptions.json",
                    base + "UserDefinedMessageSubscriptions.json",
                    base + "UserDefinedMessages.json");
        }
    }

    static String uri(String accountSid, String callSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + ".json";
    }

    public static CallRepresentation of(Call call) {
        return of(CallView.of(call));
    }

    public static CallRepresentation of(CallView call) {
        return new CallRepresentation(
                call.sid(),
                Rfc2822.format(call.dateCreated()),
                Rfc2822.format(call.dateUpdated()),
                call.parentCallSid(),
                call.accountSid(),
                call.to(),
                call.toFormatted(),
                call.from(),
                call.fromFormatted(),
                call.phoneNumberSid(),
                call.status().wire(),
                Rfc2822.format(call.startTime()),
                Rfc2822.format(call.endTime()),
                call.duration() == null ? null : call.duration().toString(),
                call.price() == null ? null : call.price().toPlainString(),
                call.priceUnit(),
                call.direction(),
                call.answeredBy(),
                "2010-04-01",
                call.forwardedFrom(),
                call.groupSid(),
                call.callerName(),
                call.queueTime() == null ? null : call.queueTime().toString(),
                call.trunkSid(),
                uri(call.accountSid(), call.sid()),
                SubresourceUris.of(call.accountSid(), call.sid()));
    }
}
