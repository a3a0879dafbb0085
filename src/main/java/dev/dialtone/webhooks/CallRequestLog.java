package dev.dialtone.webhooks;

import dev.dialtone.calls.CallEvents;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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
        TWIML_FALLBACK
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final CallNotifications notifications;

    CallRequestLog(JdbcTemplate jdbc, Clock clock, CallNotifications notifications) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notifications = notifications;
    }

    public void record(
            String callSid,
            String accountSid,
            Kind kind,
            Long webhookId,
            int attempt,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            WebhookClient.Outcome outcome) {
        jdbc.update(
                "INSERT INTO call_requests (call_sid, account_sid, kind, webhook_id, attempt, url, method, parameters,"
                        + " status_code, response_excerpt, duration_ms, error, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                callSid,
                accountSid,
                kind.name(),
                webhookId,
                attempt,
                StoredText.of(outcome.url(), 4000),
                method.name(),
                FormEncoding.encode(parameters),
                outcome.statusCode() == 0 ? null : outcome.statusCode(),
                StoredText.of(outcome.excerpt(), 1000),
                outcome.millis(),
                StoredText.of(outcome.error(), 1000),
                DatabaseTime.utc(DatabaseTime.now(clock)));
    }

    /**
     * A deleted call's history goes with it; callbacks still waiting to be sent are kept and sent.
     */
    @EventListener
    void forget(CallEvents.Deleted deleted) {
        String callSid = deleted.callSid();
        jdbc.update("DELETE FROM call_requests WHERE call_sid = ?", callSid);
        jdbc.update(
                "DELETE FROM webhooks WHERE call_sid = ? AND state IN " + WebhookState.SETTLED,
                callSid);
        notifications.forget(callSid);
    }

    /**
     * What the journal holds for one call, for its timeline: its callbacks (state and attempts),
     * every request made for it with its answer, and its notifications, each oldest first.
     */
    public Map<String, Object> timeline(String sid) {
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
        timeline.put(
                "requests",
                jdbc.query(
                        "SELECT kind, url, method, attempt, webhook_id, parameters, status_code,"
                                + " response_excerpt, duration_ms, error, requested_at FROM call_requests WHERE call_sid = ? ORDER BY id",
                        (rs, i) -> {
                            Map<String, Object> r = new LinkedHashMap<>();
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
                            return r;
                        },
                        sid));
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
