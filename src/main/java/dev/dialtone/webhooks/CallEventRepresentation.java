package dev.dialtone.webhooks;

import dev.dialtone.calls.Call;
import dev.dialtone.web.Rfc2822;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of a call's events, as the spec's {@code api.v2010.account.call.call_event} and its example
 * show it: the request (URL, method, parameters) and the answer it got.
 */
record CallEventRepresentation(Request request, Response response) {

    record Request(String url, String method, Map<String, String> parameters) {}

    record Response(
            Integer responseCode,
            Long requestDuration,
            String contentType,
            String responseBody,
            String dateCreated) {}

    static CallEventRepresentation of(CallRequestLog.Logged logged) {
        Map<String, String> parameters = new LinkedHashMap<>();
        FormEncoding.decode(logged.parameters())
                .forEach(p -> parameters.put(p.getKey(), p.getValue()));
        return new CallEventRepresentation(
                new Request(logged.url(), logged.method(), parameters),
                new Response(
                        logged.statusCode(),
                        logged.millis(),
                        logged.contentType(),
                        logged.excerpt(),
                        Rfc2822.format(logged.requestedAt())));
    }

    /**
     * The create that made the call. Dialtone keeps a create to one commit, so it is told from the
     * call's stored settings, as Twilio lists them (the defaults included), its answer shortened to
     * the sid and status it had, and its duration unmeasured (0).
     */
    static CallEventRepresentation created(Call call, String url) {
        List<Map.Entry<String, Object>> p = new ArrayList<>();
        p.add(Map.entry("account_sid", call.accountSid()));
        p.add(Map.entry("to", call.to()));
        p.add(Map.entry("from", call.from()));
        p.add(Map.entry("url", nullable(call.url())));
        p.add(Map.entry("twiml", nullable(call.twiml())));
        p.add(Map.entry("method", call.method()));
        p.add(Map.entry("fallback_url", nullable(call.fallbackUrl())));
        p.add(Map.entry("fallback_method", call.fallbackMethod()));
        p.add(Map.entry("status_callback", nullable(call.statusCallback())));
        p.add(Map.entry("status_callback_method", call.statusCallbackMethod()));
        p.add(Map.entry("status_callback_event", String.join(" ", call.statusCallbackEvents())));
        p.add(Map.entry("send_digits", nullable(call.sendDigits())));
        p.add(Map.entry("timeout", call.timeout()));
        p.add(Map.entry("time_limit", nullable(call.timeLimit())));
        p.add(Map.entry("record", call.record()));
        p.add(Map.entry("trim", nullable(call.trim())));
        p.add(Map.entry("machine_detection", nullable(call.machineDetection())));
        p.add(Map.entry("machine_detection_timeout", nullable(call.machineDetectionTimeout())));
        p.add(Map.entry("async_amd", nullable(call.asyncAmd())));
        Map<String, String> parameters = new LinkedHashMap<>();
        p.stream()
                .filter(e -> !"".equals(e.getValue()))
                .forEach(e -> parameters.put(e.getKey(), e.getValue().toString()));
        return new CallEventRepresentation(
                new Request(url, "POST", parameters),
                new Response(
                        201,
                        0L,
                        "application/json",
                        "{\"sid\": \"" + call.sid() + "\", \"status\": \"queued\"}",
                        Rfc2822.format(call.dateCreated())));
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
