package dev.dialtone.recordings;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The recordings table. */
@Component
class RecordingStore {

    private static final String SELECT =
            "SELECT sid, account_sid, call_sid, date_created, start_time, end_time, duration_seconds,"
                    + " source, channels, status_callback, status_callback_method,"
                    + " status_callback_events, paused_since, paused_skips, skipped_millis"
                    + " FROM recordings";

    private final JdbcTemplate jdbc;

    RecordingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Recording recording) {
        Recording.Callback callback = recording.callback();
        jdbc.update(
                "INSERT INTO recordings (sid, account_sid, call_sid, date_created, start_time,"
                        + " end_time, duration_seconds, source, channels, status_callback,"
                        + " status_callback_method, status_callback_events, paused_since,"
                        + " paused_skips, skipped_millis)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                recording.sid(),
                recording.accountSid(),
                recording.callSid(),
                DatabaseTime.utc(recording.dateCreated()),
                DatabaseTime.utc(recording.startTime()),
                DatabaseTime.utc(recording.endTime()),
                recording.durationSeconds(),
                recording.source(),
                recording.channels(),
                callback == null ? null : callback.url(),
                callback == null ? null : callback.method().name(),
                callback == null ? null : String.join(" ", callback.events()),
                DatabaseTime.utc(recording.pausedSince()),
                recording.pausedSkips(),
                recording.skippedMillis());
    }

    /** The call's recordings still under way at {@code now}, oldest first. */
    List<Recording> open(String callSid, Instant now) {
        return jdbc.query(
                SELECT + " WHERE call_sid = ? AND end_time > ? ORDER BY date_created, sid",
                this::read,
                callSid,
                DatabaseTime.utc(now));
    }

    /** The recording ends at {@code at} with the duration it has then. */
    Recording end(Recording open, Instant at) {
        int seconds = open.secondsUntil(at);
        jdbc.update(
                "UPDATE recordings SET end_time = ?, duration_seconds = ?, paused_since = NULL"
                        + " WHERE sid = ?",
                DatabaseTime.utc(at),
                seconds,
                open.sid());
        return new Recording(
                open.sid(),
                open.accountSid(),
                open.callSid(),
                open.dateCreated(),
                open.startTime(),
                at,
                seconds,
                open.source(),
                open.channels(),
                open.callback(),
                null,
                false,
                open.skippedMillis());
    }

    void pause(Recording open, Instant at, boolean skips) {
        jdbc.update(
                "UPDATE recordings SET paused_since = ?, paused_skips = ? WHERE sid = ?",
                DatabaseTime.utc(at),
                skips,
                open.sid());
    }

    /** A paused recording records again; a pause it skips is left out of its duration. */
    void resume(Recording paused, Instant at) {
        long skipped =
                paused.pausedSkips() ? Duration.between(paused.pausedSince(), at).toMillis() : 0;
        jdbc.update(
                "UPDATE recordings SET paused_since = NULL, paused_skips = FALSE,"
                        + " skipped_millis = skipped_millis + ? WHERE sid = ?",
                skipped,
                paused.sid());
    }

    Optional<Recording> find(String accountSid, String sid) {
        return jdbc
                .query(SELECT + " WHERE account_sid = ? AND sid = ?", this::read, accountSid, sid)
                .stream()
                .findFirst();
    }

    /**
     * A page of the account's recordings (of one call when {@code callSid} is set), newest first.
     */
    List<Recording> page(String accountSid, String callSid, int offset, int limit) {
        String where =
                callSid == null
                        ? " WHERE account_sid = ?"
                        : " WHERE account_sid = ? AND call_sid = ?";
        Object[] args =
                callSid == null
                        ? new Object[] {accountSid, limit, offset}
                        : new Object[] {accountSid, callSid, limit, offset};
        return jdbc.query(
                SELECT + where + " ORDER BY date_created DESC, sid DESC LIMIT ? OFFSET ?",
                this::read,
                args);
    }

    boolean delete(String accountSid, String sid) {
        return jdbc.update(
                        "DELETE FROM recordings WHERE account_sid = ? AND sid = ?", accountSid, sid)
                > 0;
    }

    int deleteAll(String accountSid) {
        return jdbc.update("DELETE FROM recordings WHERE account_sid = ?", accountSid);
    }

    private Recording read(ResultSet rs, int row) throws SQLException {
        String url = rs.getString("status_callback");
        return new Recording(
                rs.getString("sid"),
                rs.getString("account_sid"),
                rs.getString("call_sid"),
                DatabaseTime.read(rs, "date_created"),
                DatabaseTime.read(rs, "start_time"),
                DatabaseTime.read(rs, "end_time"),
                rs.getInt("duration_seconds"),
                rs.getString("source"),
                rs.getInt("channels"),
                url == null
                        ? null
                        : new Recording.Callback(
                                url,
                                WebhookMethod.valueOf(rs.getString("status_callback_method")),
                                Arrays.asList(rs.getString("status_callback_events").split(" "))),
                DatabaseTime.read(rs, "paused_since"),
                rs.getBoolean("paused_skips"),
                rs.getLong("skipped_millis"));
    }
}
