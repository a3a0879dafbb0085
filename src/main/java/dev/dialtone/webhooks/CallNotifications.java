package dev.dialtone.webhooks;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.Sids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final String SELECT =
            "SELECT sid, account_sid, call_sid, log, error_code, message_text, request_url,"
                    + " request_method, request_variables, response_headers, response_body,"
                    + " date_created FROM notifications";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CallNotifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A notification as stored. */
    record Stored(
            String sid,
            String accountSid,
            String callSid,
            int log,
            int errorCode,
            String messageText,
            String requestUrl,
            String requestMethod,
            String requestVariables,
            String responseHeaders,
            String responseBody,
            Instant dateCreated) {}

    public void record(
            String callSid,
            String accountSid,
            Level level,
            int errorCode,
            String message,
            String requestUrl,
            String requestMethod) {
        record(
                callSid,
                accountSid,
                level,
                errorCode,
                message,
                requestUrl,
                requestMethod,
                null,
                null);
    }

    /** The same, with what was sent and what came back. */
    void record(
            String callSid,
            String accountSid,
            Level level,
            int errorCode,
            String message,
            String requestUrl,
            String requestMethod,
            String requestVariables,
            String responseBody) {
        jdbc.update(
                "INSERT INTO notifications (sid, account_sid, call_sid, log, error_code,"
                        + " message_text, request_url, request_method, request_variables,"
                        + " response_body, date_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Sids.next("NO", clock),
                accountSid,
                callSid,
                level.ordinal(),
                errorCode,
                StoredText.of(message),
                StoredText.of(requestUrl),
                requestMethod,
                StoredText.of(requestVariables),
                StoredText.of(responseBody),
                DatabaseTime.utc(DatabaseTime.now(clock)));
    }

    /**
     * A page of the account's notifications (of one call when {@code callSid} is set), newest
     * first: {@code log} 0 or 1 or null for both, and {@code MessageDate}'s bounds (inclusive days,
     * either may be null).
     */
    List<Stored> page(
            String accountSid,
            String callSid,
            Integer log,
            LocalDate from,
            LocalDate until,
            int offset,
            int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE account_sid = ?");
        List<Object> args = new ArrayList<>(List.of(accountSid));
        if (callSid != null) {
            sql.append(" AND call_sid = ?");
            args.add(callSid);
        }
        if (log != null) {
            sql.append(" AND log = ?");
            args.add(log);
        }
        if (from != null) {
            sql.append(" AND date_created >= ?");
            args.add(DatabaseTime.utc(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (until != null) {
            sql.append(" AND date_created < ?");
            args.add(DatabaseTime.utc(until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        sql.append(" ORDER BY date_created DESC, sid DESC LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), this::read, args.toArray());
    }

    Optional<Stored> find(String accountSid, String sid) {
        return jdbc
                .query(SELECT + " WHERE account_sid = ? AND sid = ?", this::read, accountSid, sid)
                .stream()
                .findFirst();
    }

    private Stored read(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                DatabaseTime.read(rs, 12));
    }

    /** A deleted call's notifications go with it. */
    void forget(String callSid) {
        jdbc.update("DELETE FROM notifications WHERE call_sid = ?", callSid);
    }
}
