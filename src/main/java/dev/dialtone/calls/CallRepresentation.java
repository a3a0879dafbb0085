package dev.dialtone.calls;

import dev.dialtone.web.Rfc2822;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one representation of a call: the spec's {@code api.v2010.account.call} properties, in schema
 * order, every one present. Numbers Twilio sends as strings stay strings.
 */
public final class CallRepresentation {

    private static final String[] SUBRESOURCES = {
        "notifications", "Notifications",
        "recordings", "Recordings",
        "payments", "Payments",
        "events", "Events",
        "siprec", "Siprec",
        "streams", "Streams",
        "transcriptions", "Transcriptions",
        "user_defined_message_subscriptions", "UserDefinedMessageSubscriptions",
        "user_defined_messages", "UserDefinedMessages",
    };

    private CallRepresentation() {}

    static String uri(String accountSid, String callSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + ".json";
    }

    public static Map<String, Object> of(Call call) {
        return of(CallView.of(call));
    }

    public static Map<String, Object> of(CallView call) {
        Map<String, Object> f = new LinkedHashMap<>(40);
        f.put("sid", call.sid());
        f.put("date_created", Rfc2822.format(call.dateCreated()));
        f.put("date_updated", Rfc2822.format(call.dateUpdated()));
        f.put("parent_call_sid", call.parentCallSid());
        f.put("account_sid", call.accountSid());
        f.put("to", call.to());
        f.put("to_formatted", call.toFormatted());
        f.put("from", call.from());
        f.put("from_formatted", call.fromFormatted());
        f.put("phone_number_sid", call.phoneNumberSid());
        f.put("status", call.status().wire());
        f.put("start_time", Rfc2822.format(call.startTime()));
        f.put("end_time", Rfc2822.format(call.endTime()));
        f.put("duration", call.duration() == null ? null : call.duration().toString());
        f.put("price", call.price() == null ? null : call.price().toPlainString());
        f.put("price_unit", call.priceUnit());
        f.put("direction", call.direction());
        f.put("answered_by", call.answeredBy());
        f.put("api_version", "2010-04-01");
        f.put("forwarded_from", call.forwardedFrom());
        f.put("group_sid", call.groupSid());
        f.put("caller_name", call.callerName());
        f.put("queue_time", call.queueTime() == null ? null : call.queueTime().toString());
        f.put("trunk_sid", call.trunkSid());
        f.put("uri", uri(call.accountSid(), call.sid()));
        f.put("subresource_uris", subresources(call.accountSid(), call.sid()));
        return f;
    }

    private static Map<String, String> subresources(String accountSid, String callSid) {
        String base = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + callSid + "/";
        Map<String, String> uris = new LinkedHashMap<>(16);
        for (int i = 0; i < SUBRESOURCES.length; i += 2) {
            uris.put(SUBRESOURCES[i], base + SUBRESOURCES[i + 1] + ".json");
        }
        return uris;
    }
}
