package dev.dialtone.calls;

import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores whole calls with plain SQL: one INSERT when created, one UPDATE for each change the API or
 * the lifecycle makes. Whoever changes a call saves it before its transaction ends.
 */
@Component
public class CallStore {

    private static final List<String> COLUMN_NAMES =
            Arrays.stream(Call.COLUMNS.split(",")).map(String::strip).toList();
    private static final String SELECT = "SELECT " + Call.COLUMNS + " FROM calls";
    private static final String INSERT =
            "INSERT INTO calls ("
                    + Call.COLUMNS
                    + ") VALUES ("
                    + placeholders(COLUMN_NAMES.size())
                    + ")";
    // Every column is written back; the version both counts the change and
    // checks nothing came between.
    private static final String UPDATE =
            "UPDATE calls SET "
                    + String.join(
                            ", ", COLUMN_NAMES.stream().map(column -> column + " = ?").toList())
                    + " WHERE sid = ? AND version = ?";

    private final JdbcTemplate jdbc;

    CallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One INSERT; outside a transaction it is its own commit. */
    void insert(Call call) {
        jdbc.update(INSERT, call.columnValues());
    }

    /**
     * The call, locked until the transaction ends, so an API change and the lifecycle never
     * interleave.
     */
    public Optional<Call> lock(String sid) {
        return jdbc
                .query(SELECT + " WHERE sid = ? FOR UPDATE", (rs, i) -> Call.read(rs), sid)
                .stream()
                .findFirst();
    }

    public Optional<Call> find(String sid, String accountSid) {
        return jdbc
                .query(
                        SELECT + " WHERE sid = ? AND account_sid = ?",
                        (rs, i) -> Call.read(rs),
                        sid,
                        accountSid)
                .stream()
                .findFirst();
    }

    /** Calls by SID, for rows the caller has already locked. */
    public List<Call> findAll(List<String> sids) {
        return jdbc.query(
                SELECT + " WHERE sid IN (" + placeholders(sids.size()) + ")",
                (rs, i) -> Call.read(rs),
                sids.toArray());
    }

    /** Writes the call's changes; its version moves on by one. */
    public void save(Call call) {
        saveAll(List.of(call));
    }

    /** Writes the calls' changes in one batch; each version moves on by one. */
    public void saveAll(List<Call> changed) {
        if (changed.isEmpty()) {
            return;
        }
        int[] counts =
                jdbc.batchUpdate(UPDATE, changed.stream().map(CallStore::updateArguments).toList());
        for (int i = 0; i < counts.length; i++) {
            // A driver may answer "succeeded, count unknown" for a batched statement.
            if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
                throw new OptimisticLockingFailureException(
                        "Call " + changed.get(i).sid() + " changed or vanished since it was read");
            }
        }
        changed.forEach(Call::stored);
    }

    /** Every column with the next version, then the row's SID and the version it was read at. */
    private static Object[] updateArguments(Call call) {
        Object[] values = call.columnValues();
        values[values.length - 1] = call.version() + 1;
        Object[] args = Arrays.copyOf(values, values.length + 2);
        args[values.length] = call.sid();
        args[values.length + 1] = call.version();
        return args;
    }

    /** {@code ?, ?, …}: one JDBC parameter for each of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Deletes every call of the account; answers how many. */
    public int deleteAll(String accountSid) {
        return jdbc.update("DELETE FROM calls WHERE account_sid = ?", accountSid);
    }

    void delete(String sid) {
        jdbc.update("DELETE FROM calls WHERE sid = ?", sid);
    }
}
