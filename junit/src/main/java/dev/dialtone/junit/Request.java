package dev.dialtone.junit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Dialtone made for a call, as its journal keeps it.
 *
 * @param callSid the call it was made for
 * @param kind {@code twiml}, {@code twiml-fallback}, {@code status-callback}, or {@code api} (a
 *     REST update made to the call)
 * @param method {@code GET} or {@code POST}
 * @param url the URL, with the query a GET carried
 * @param parameters the parameters Twilio sends ({@code CallSid}, {@code CallStatus}, {@code
 *     Digits}…)
 * @param statusCode what the app answered, or 0 when there was no answer
 * @param error why the request failed, or null
 * @param signature the {@code X-Twilio-Signature} it carried, or null
 * @param requestedAt when it was made, on Dialtone's clock
 */
public record Request(
        String callSid,
        String kind,
        String method,
        String url,
        Map<String, String> parameters,
        int statusCode,
        String error,
        String signature,
        Instant requestedAt) {

    public Request {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A parameter it carried, or null. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /** Whether it is a status callback. */
    public boolean isStatusCallback() {
        return "status-callback".equals(kind);
    }

    static Request of(Map<?, ?> row) {
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<?, ?>) row.get("parameters"))
                .forEach((k, v) -> parameters.put((String) k, v == null ? null : v.toString()));
        Object status = row.get("status_code");
        return new Request(
                (String) row.get("call_sid"),
                (String) row.get("kind"),
                (String) row.get("method"),
                (String) row.get("url"),
                parameters,
                status instanceof Number n ? n.intValue() : 0,
                (String) row.get("error"),
                (String) row.get("signature"),
                Instant.parse((String) row.get("requested_at")));
    }
}
