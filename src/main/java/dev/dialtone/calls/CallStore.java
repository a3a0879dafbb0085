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

    private static final String SELECT = "SELECT " + CallColumns.NAMES + ", version FROM calls";
    private static final String INSERT =
            "INSERT INTO calls ("
                    + CallColumns.NAMES
                    + ", version) VALUES ("
                    + placeholders(CallColumns.ALL.size() + 1)
                    + ")";
    // Every column is written back; the version both counts the change and
    // checks nothing came between.
    private static final String UPDATE =
            "UPDATE calls SET "
                    + String.join(
                            ", ",
                            CallColumns.ALL.stream().map(column -> column.name() + " = ?").toList())
                    + ", version = version + 1 WHERE sid = ? AND version = ?";

    private final JdbcTemplate jdbc;

    CallStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One INSERT; outside a transaction it is its own commit. */
    public void insert(Call call) {
        Object[] values = Arrays.copyOf(CallColumns.values(call), CallColumns.ALL.size() + 1);
        values[values.length - 1] = call.version();
        jdbc.update(INSERT, values);
    }

    /** Several calls in one batched INSERT, for creates that share a commit. */
    void insertAll(List<Call> batch) {
        jdbc.batchUpdate(
                INSERT,
                batch.stream()
                        .map(
                                call -> {
                                    Object[] values =
                                            Arrays.copyOf(
                                                    CallColumns.values(call),
                                                    CallColumns.ALL.size() + 1);
                                    values[values.length - 1] = call.version();
                                    return values;
                                })
                        .toList());
    }

    /**
     * The call, locked until the transaction ends, so an API change and the lifecycle never
     * interleave.
     */
    public Optional<Call> lock(String sid) {
        return jdbc
                .query(SELECT + " WHERE sid = ? FOR UPDATE", (rs, i) -> CallColumns.read(rs), sid)
                .stream()
                .findFirst();
    }

    /** The legs a call's {@code <Dial>} placed that are still live, locked. */
    public List<Call> lockLiveLegs(String parentSid) {
        return jdbc.query(
                SELECT + " WHERE parent_call_sid = ? AND next_event IS NOT NULL FOR UPDATE",
                (rs, i) -> CallColumns.read(rs),
                parentSid);
    }

    public Optional<Call> find(String sid, String accountSid) {
        return jdbc
                .query(
                        SELECT + " WHERE sid = ? AND account_sid = ?",
                        (rs, i) -> CallColumns.read(rs),
                        sid,
                        accountSid)
                .stream()
                .findFirst();
    }

    /** Calls by SID, for rows the caller has already locked. */
    public List<Call> findAll(List<String> sids) {
        return jdbc.query(
                SELECT + " WHERE sid IN (" + placeholders(sids.size()) + ")",
                (rs, i) -> CallColumns.read(rs),
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

    /** Every column, then the row's SID and the version it was read at. */
    private static Object[] updateArguments(Call call) {
        Object[] values = CallColumns.values(call);
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
