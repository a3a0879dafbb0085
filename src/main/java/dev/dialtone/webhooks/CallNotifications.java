package dev.dialtone.webhooks;

import dev.dialtone.calls.Sids;
import dev.dialtone.support.DatabaseTime;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What went wrong with a call, kept as Twilio keeps notifications: an error or a warning with
 * Twilio's error code, its message, and the request it concerned, if any.
 */
@Component
public class CallNotifications {

    /** Twilio's {@code log} values. */
    public enum Level {
        ERROR,
        WARNING
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CallNotifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(
            String callSid,
            String accountSid,
            Level level,
            int errorCode,
            String message,
            String requestUrl,
            String requestMethod) {
        jdbc.update(
                "INSERT INTO notifications (sid, account_sid, call_sid, log, error_code, message_text, request_url,"
                        + " request_method, date_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Sids.next("NO", clock),
                accountSid,
                callSid,
                level.ordinal(),
                errorCode,
                StoredText.of(message),
                StoredText.of(requestUrl),
                requestMethod,
                DatabaseTime.utc(DatabaseTime.now(clock)));
    }

    /** A deleted call's notifications go with it. */
    void forget(String callSid) {
        jdbc.update("DELETE FROM notifications WHERE call_sid = ?", callSid);
    }
}
