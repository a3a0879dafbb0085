package dev.dialtone.webhooks;

import dev.dialtone.calls.CallEvents;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.time.Clock;
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
                "DELETE FROM webhooks WHERE call_sid = ? AND state IN ('DELIVERED', 'FAILED')",
                callSid);
        notifications.forget(callSid);
    }
}
