package dev.dialtone.webhooks;

import dev.dialtone.accounts.AccountRegistry;
import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallEvents;
import dev.dialtone.calls.CallRepresentation;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.PublicUrl;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WebhookMethod;
import dev.dialtone.web.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records every request Dialtone made for a call, and its answer, for the call's timeline. */
@Component
public class CallRequestLog {

    public enum Kind {
        STATUS_CALLBACK,
        TWIML,
        TWIML_FALLBACK,
        /** A REST request made to Dialtone for the call (an update). */
        API
    }

    /** One request of the journal, as the call's events show it. */
    record Logged(
            Kind kind,
            String url,
            String method,
            String parameters,
            Integer statusCode,
            String contentType,
            String excerpt,
            long millis,
            Instant requestedAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final CallNotifications notifications;
    private final TwilioRenderer renderer;
    private final PublicUrl publicUrl;
    private final AccountRegistry accounts;

    CallRequestLog(
            JdbcTemplate jdbc,
            Clock clock,
            CallNotifications notifications,
            TwilioRenderer renderer,
            PublicUrl publicUrl,
            AccountRegistry accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notifications = notifications;
        this.renderer = renderer;
        this.publicUrl = publicUrl;
        this.accounts = accounts;
    }

    public void record(
            String callSid,
            String accountSid,
            Kind kind,
            Long webhookId,
            int attempt,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            WebhookClient.Outcome outcome,
            Instant requestedAt) {
        insert(
                callSid,
                accountSid,
                kind,
                webhookId,
                attempt,
                outcome.url(),
                method.name(),
                FormEncoding.encode(parameters),
                outcome,
                requestedAt);
        if (kind == Kind.STATUS_CALLBACK && !outcome.succeeded()) {
            callbackFailed(callSid, accountSid, method, parameters, outcome);
        }
    }

    /**
     * A callback that failed is logged as Twilio logs it: an error answer is warning 15003, a
     * connection that failed error 11205, a URL that may not be reached 11100.
     */
    private void callbackFailed(
            String callSid,
            String accountSid,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            WebhookClient.Outcome outcome) {
        boolean answered = outcome.statusCode() >= 400;
        int code =
                answered
                        ? 15003
                        : outcome.failure() == DeliverySettings.Failure.REFUSED ? 11100 : 11205;
        notifications.record(
                callSid,
                accountSid,
                answered ? CallNotifications.Level.WARNING : CallNotifications.Level.ERROR,
                code,
                answered
                        ? "Got HTTP " + outcome.statusCode() + " response to " + outcome.url()
                        : "Callback to " + outcome.url() + " failed: " + outcome.error(),
                outcome.url(),
                method.name(),
                FormEncoding.encode(parameters),
                outcome.excerpt());
    }

    /**
     * A REST update of the call, in its transaction: its form fields as Twilio's events show them
     * (snake_case), and the call as the update answered it.
     */
    @EventListener
    void requested(CallEvents.Requested requested) {
        Call call = requested.call();
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        parameters.add(Map.entry("account_sid", call.accountSid()));
        requested
                .parameters()
                .forEach(
                        (name, values) -> {
                            if (!values.isEmpty()) {
                                parameters.add(Map.entry(snakeCase(name), values.get(0)));
                            }
                        });
        String body =
                new String(
                        renderer.record(200, WireFormat.JSON, "Call", CallRepresentation.of(call))
                                .getBody(),
                        StandardCharsets.UTF_8);
        Instant now = DatabaseTime.now(clock);
        insert(
                call.sid(),
                call.accountSid(),
                Kind.API,
                null,
                1,
                publicUrl.base() + requested.path(),
                requested.method(),
                FormEncoding.encode(parameters),
                new WebhookClient.Outcome(
                        publicUrl.base() + requested.path(),
                        requested.status(),
                        body,
                        requested.millis(),
                        null,
                        null,
                        "application/json"),
                now.minusMillis(requested.millis()));
    }

    /**
     * The {@code X-Twilio-Signature} the request carried: the client signs a GET's URL with its
     * query (as stored) and a POST's URL with its form, with the account's auth token.
     */
    private String signature(String accountSid, String url, String method, String form) {
        String token = accounts.authToken(accountSid).orElse("");
        return method.equals("GET")
                ? RequestSigner.sign(token, url, List.of())
                : RequestSigner.sign(token, url, FormEncoding.decode(form));
    }

    /** {@code StatusCallbackEvent} as {@code status_callback_event}. */
    static String snakeCase(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private void insert(
            String callSid,
            String accountSid,
            Kind kind,
            Long webhookId,
            int attempt,
            String url,
            String method,
            String parameters,
            WebhookClient.Outcome outcome,
            Instant requestedAt) {
        jdbc.update(
                "INSERT INTO call_requests (call_sid, account_sid, kind, webhook_id, attempt, url,"
                        + " method, parameters, status_code, response_excerpt, duration_ms, error,"
                        + " content_type, requested_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                callSid,
                accountSid,
                kind.name(),
                webhookId,
                attempt,
                StoredText.of(url, 4000),
                method,
                parameters,
                outcome.statusCode() == 0 ? null : outcome.statusCode(),
                StoredText.of(outcome.excerpt(), 1000),
                outcome.millis(),
                StoredText.of(outcome.error(), 1000),
                StoredText.of(outcome.contentType(), 255),
                DatabaseTime.utc(requestedAt));
    }

    /** Every request of the call's journal, oldest first. */
    List<Logged> logged(String callSid) {
        return jdbc.query(
                "SELECT kind, url, method, parameters, status_code, content_type,"
                        + " response_excerpt, duration_ms, requested_at FROM call_requests"
                        + " WHERE call_sid = ? ORDER BY requested_at, id",
                (rs, i) ->
                        new Logged(
                                Kind.valueOf(rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                (Integer) rs.getObject(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getLong(8),
                                DatabaseTime.read(rs, 9)),
                callSid);
    }

    /**
     * A deleted call's history goes with it; callbacks still waiting to be sent are kept and sent.
     */
    @EventListener
    void forget(CallEvents.Deleted deleted) {
        String callSid = deleted.callSid();
        jdbc.update("DELETE FROM call_requests WHERE call_sid = ?", callSid);
        jdbc.update(
                "DELETE FROM webhooks WHERE call_sid = ? AND state " + WebhookState.SETTLED,
                callSid);
        notifications.forget(callSid);
    }

    /**
     * What the journal holds for one call, for its timeline: its callbacks (state and attempts),
     * every request made for it with its answer, and its notifications, each oldest first.
     */
    public Map<String, Object> timeline(String accountSid, String sid) {
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put(
                "webhooks",
                jdbc.query(
                        "SELECT id, url, method, sequence_number, state, attempts, parameters, created_at"
                                + " FROM webhooks WHERE call_sid = ? ORDER BY id",
                        (rs, i) -> {
                            Map<String, Object> w = new LinkedHashMap<>();
                            w.put("id", rs.getLong(1));
                            w.put("url", rs.getString(2));
                            w.put("method", rs.getString(3));
                            w.put("sequence_number", rs.getInt(4));
                            w.put("state", rs.getString(5).toLowerCase());
                            w.put("attempts", rs.getInt(6));
                            w.put("parameters", parameters(rs.getString(7)));
                            w.put("created_at", DatabaseTime.read(rs, 8).toString());
                            return w;
                        },
                        sid));
        timeline.put("requests", requests(accountSid, sid));
        timeline.put(
                "notifications",
                jdbc.query(
                        "SELECT sid, log, error_code, message_text, request_url, request_method,"
                                + " date_created FROM notifications WHERE call_sid = ? ORDER BY date_created, sid",
                        (rs, i) -> {
                            Map<String, Object> n = new LinkedHashMap<>();
                            n.put("sid", rs.getString(1));
                            n.put("log", rs.getInt(2) == 0 ? "error" : "warning");
                            n.put("error_code", rs.getInt(3));
                            n.put("message_text", rs.getString(4));
                            n.put("request_url", rs.getString(5));
                            n.put("request_method", rs.getString(6));
                            n.put("date_created", DatabaseTime.read(rs, 7).toString());
                            return n;
                        },
                        sid));
        return timeline;
    }

    /**
     * The requests Dialtone made for the account's calls (or for one call, {@code callSid} not
     * null), in the order they were made, each with its answer.
     */
    public List<Map<String, Object>> requests(String accountSid, String callSid) {
        String sql =
                "SELECT kind, url, method, attempt, webhook_id, parameters, status_code,"
                        + " response_excerpt, duration_ms, error, requested_at, account_sid, call_sid"
                        + " FROM call_requests WHERE account_sid = ?"
                        + (callSid == null ? "" : " AND call_sid = ?")
                        + " ORDER BY id";
        Object[] args =
                callSid == null ? new Object[] {accountSid} : new Object[] {accountSid, callSid};
        return jdbc.query(
                sql,
                (rs, i) -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("call_sid", rs.getString(13));
                    r.put("kind", rs.getString(1).toLowerCase().replace('_', '-'));
                    r.put("url", rs.getString(2));
                    r.put("method", rs.getString(3));
                    r.put("attempt", rs.getInt(4));
                    r.put("webhook_id", rs.getObject(5));
                    r.put("parameters", parameters(rs.getString(6)));
                    r.put("status_code", rs.getObject(7));
                    r.put("response_excerpt", rs.getString(8));
                    r.put("duration_ms", rs.getLong(9));
                    r.put("error", rs.getString(10));
                    r.put("requested_at", DatabaseTime.read(rs, 11).toString());
                    if (!rs.getString(1).equals(Kind.API.name())) {
                        r.put(
                                "signature",
                                signature(
                                        rs.getString(12),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(6)));
                    }
                    return r;
                },
                args);
    }

    /**
     * Everything of an account's calls, for a reset: their callbacks, requests and notifications.
     */
    public void forgetAccount(String accountSid) {
        jdbc.update("DELETE FROM call_requests WHERE account_sid = ?", accountSid);
        jdbc.update("DELETE FROM webhooks WHERE account_sid = ?", accountSid);
        jdbc.update("DELETE FROM notifications WHERE account_sid = ?", accountSid);
    }

    private static Map<String, String> parameters(String form) {
        Map<String, String> map = new LinkedHashMap<>();
        FormEncoding.decode(form).forEach(p -> map.put(p.getKey(), p.getValue()));
        return map;
    }
}
