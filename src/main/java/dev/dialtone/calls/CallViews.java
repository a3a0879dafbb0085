package dev.dialtone.calls;

import dev.dialtone.support.DatabaseTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads calls for the API straight from their columns: fetching is the hottest path, and it needs
 * neither the whole row nor a transaction, only the two dozen values it shows.
 */
@Component
class CallViews {

    static final String COLUMNS =
            "sid, date_created, date_updated, parent_call_sid, account_sid, to_endpoint,"
                    + " to_formatted, from_endpoint, from_formatted, phone_number_sid, status, start_time, end_time, duration,"
                    + " price, price_unit, direction, answered_by, forwarded_from, group_sid, caller_name, queue_time, trunk_sid";

    private final JdbcTemplate jdbc;

    CallViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CallView> find(String accountSid, String sid) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM calls WHERE sid = ? AND account_sid = ?",
                        CallViews::row,
                        sid,
                        accountSid)
                .stream()
                .findFirst();
    }

    static CallView row(ResultSet rs, int rowNumber) throws SQLException {
        return new CallView(
                rs.getString(1),
                DatabaseTime.read(rs, 2),
                DatabaseTime.read(rs, 3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                CallStatus.valueOf(rs.getString(11)),
                DatabaseTime.read(rs, 12),
                DatabaseTime.read(rs, 13),
                rs.getObject(14, Integer.class),
                rs.getObject(15, BigDecimal.class),
                rs.getString(16),
                rs.getString(17),
                rs.getString(18),
                rs.getString(19),
                rs.getString(20),
                rs.getString(21),
                rs.getObject(22, Long.class),
                rs.getString(23));
    }
}
