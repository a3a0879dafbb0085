package dev.dialtone.recordings;

import dev.dialtone.support.DatabaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The recordings table. */
@Component
public class RecordingStore {

    private static final String SELECT =
            "SELECT sid, account_sid, call_sid, date_created, start_time, end_time, duration_seconds,"
                    + " source"
                    + " FROM recordings";

    private final JdbcTemplate jdbc;

    RecordingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Recording recording) {
        jdbc.update(
                "INSERT INTO recordings (sid, account_sid, call_sid, date_created, start_time,"
                        + " end_time, duration_seconds, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                recording.sid(),
                recording.accountSid(),
                recording.callSid(),
                DatabaseTime.utc(recording.dateCreated()),
                DatabaseTime.utc(recording.startTime()),
                DatabaseTime.utc(recording.endTime()),
                recording.durationSeconds(),
                recording.source());
    }

    /**
     * The call has ended: a recording of the whole call ({@code Record=true}) still in progress
     * ends with it, as long as the call talked after its answer.
     */
    public void endWholeCallRecordings(String callSid, Instant ended) {
        for (Recording open :
                jdbc.query(
                        SELECT + " WHERE call_sid = ? AND source = ? AND end_time > ?",
                        this::read,
                        callSid,
                        Recording.WHOLE_CALL,
                        DatabaseTime.utc(ended))) {
            jdbc.update(
                    "UPDATE recordings SET end_time = ?, duration_seconds = ? WHERE sid = ?",
                    DatabaseTime.utc(ended),
                    (int) Duration.between(open.startTime(), ended).toSeconds(),
                    open.sid());
        }
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

    public int deleteAll(String accountSid) {
        return jdbc.update("DELETE FROM recordings WHERE account_sid = ?", accountSid);
    }

    private Recording read(ResultSet rs, int row) throws SQLException {
        return new Recording(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                DatabaseTime.read(rs, 4),
                DatabaseTime.read(rs, 5),
                DatabaseTime.read(rs, 6),
                rs.getInt(7),
                rs.getString(8));
    }
}
