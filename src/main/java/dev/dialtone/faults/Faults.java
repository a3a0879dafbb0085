package dev.dialtone.faults;

import dev.dialtone.support.DatabaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fault rules, in the database so every instance on it applies them. Each request asks for the
 * rule that touches it; the rules are read again at most every {@link #FRESH} (at once after a
 * change made here), so a request without faults costs no query.
 */
@Component
public class Faults implements FaultRules {

    static final Duration FRESH = Duration.ofMillis(250);

    private static final String SELECT =
            "SELECT sid, account_sid, direction, method, path, status, latency_ms, error,"
                    + " remaining, percent, date_created FROM faults";

    private final JdbcTemplate jdbc;
    private volatile List<Fault> rules;
    private volatile long readAt;

    Faults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Fault create(Fault fault) {
        jdbc.update(
                "INSERT INTO faults (sid, account_sid, direction, method, path, status, latency_ms,"
                        + " error, remaining, percent, date_created)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fault.sid(),
                fault.accountSid(),
                fault.direction().name(),
                fault.method(),
                fault.path(),
                fault.status(),
                fault.latency() == null ? null : fault.latency().toMillis(),
                fault.error() == null ? null : fault.error().name(),
                fault.remaining(),
                fault.percent(),
                DatabaseTime.utc(fault.dateCreated()));
        rules = null;
        return fault;
    }

    /** The account's rules, oldest first. */
    public List<Fault> list(String accountSid) {
        return jdbc.query(
                SELECT + " WHERE account_sid = ? ORDER BY date_created, sid",
                this::read,
                accountSid);
    }

    public boolean delete(String accountSid, String sid) {
        rules = null;
        return jdbc.update("DELETE FROM faults WHERE account_sid = ? AND sid = ?", accountSid, sid)
                > 0;
    }

    public int deleteAll(String accountSid) {
        rules = null;
        return jdbc.update("DELETE FROM faults WHERE account_sid = ?", accountSid);
    }

    /**
     * The rule this request meets, if any, oldest first; a rule for the next N requests counts this
     * one (in the database, so instances share the count), a rule for a percent draws.
     */
    @Override
    public Optional<Fault> meet(
            String accountSid, Fault.Direction direction, String method, String path) {
        for (Fault fault : current()) {
            if (!fault.accountSid().equals(accountSid) || !fault.matches(direction, method, path)) {
                continue;
            }
            if (fault.percent() != null
                    && ThreadLocalRandom.current().nextInt(100) >= fault.percent()) {
                continue;
            }
            if (fault.remaining() != null) {
                boolean counted =
                        jdbc.update(
                                        "UPDATE faults SET remaining = remaining - 1"
                                                + " WHERE sid = ? AND remaining > 0",
                                        fault.sid())
                                > 0;
                rules = null;
                if (!counted) {
                    continue;
                }
            }
            return Optional.of(fault);
        }
        return Optional.empty();
    }

    private List<Fault> current() {
        List<Fault> known = rules;
        long now = System.nanoTime();
        if (known == null || now - readAt > FRESH.toNanos()) {
            known = jdbc.query(SELECT + " ORDER BY date_created, sid", this::read);
            rules = known;
            readAt = now;
        }
        return known;
    }

    private Fault read(ResultSet rs, int row) throws SQLException {
        long latency = rs.getLong("latency_ms");
        boolean noLatency = rs.wasNull();
        String error = rs.getString("error");
        return new Fault(
                rs.getString("sid"),
                rs.getString("account_sid"),
                Fault.Direction.valueOf(rs.getString("direction")),
                rs.getString("method"),
                rs.getString("path"),
                (Integer) rs.getObject("status"),
                noLatency ? null : Duration.ofMillis(latency),
                error == null ? null : Fault.Error.valueOf(error),
                (Integer) rs.getObject("remaining"),
                (Integer) rs.getObject("percent"),
                DatabaseTime.read(rs, "date_created"));
    }
}
