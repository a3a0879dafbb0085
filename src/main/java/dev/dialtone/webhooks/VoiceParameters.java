package dev.dialtone.webhooks;

import dev.dialtone.calls.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters Twilio sends an application about a call, on TwiML fetches and status callbacks.
 */
public final class VoiceParameters {
    private VoiceParameters() {}

    public static List<Map.Entry<String, String>> of(Call call, String callStatus) {
        List<Map.Entry<String, String>> p = new ArrayList<>(24);
        p.add(Map.entry("CallSid", call.sid()));
        p.add(Map.entry("AccountSid", call.accountSid()));
        p.add(Map.entry("From", call.from()));
        p.add(Map.entry("To", call.to()));
        p.add(Map.entry("CallStatus", callStatus));
        p.add(Map.entry("ApiVersion", "2010-04-01"));
        p.add(Map.entry("Direction", call.direction()));
        p.add(Map.entry("CallerName", nullToEmpty(call.callerName())));
        p.add(Map.entry("ForwardedFrom", nullToEmpty(call.forwardedFrom())));
        if (call.parentCallSid() != null) {
            p.add(Map.entry("ParentCallSid", call.parentCallSid()));
        }
        // Twilio still sends the legacy names beside the new ones.
        p.add(Map.entry("Called", call.to()));
        p.add(Map.entry("Caller", call.from()));
        // Asynchronous detection reports to its own callback, never in the voice request.
        if (call.machineDetection() != null
                && call.answeredBy() != null
                && !Boolean.TRUE.equals(call.asyncAmd())) {
            p.add(Map.entry("AnsweredBy", call.answeredBy()));
        }
        return p;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
