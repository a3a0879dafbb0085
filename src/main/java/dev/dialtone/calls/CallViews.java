package dev.dialtone.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    /** The shown values of the current row, each read by its column's name. */
    static CallView row(ResultSet rs, int rowNumber) throws SQLException {
        return new CallView(
                rs.getString("sid"),
                time(rs, "date_created"),
                time(rs, "date_updated"),
                rs.getString("parent_call_sid"),
                rs.getString("account_sid"),
                rs.getString("to_endpoint"),
                rs.getString("to_formatted"),
                rs.getString("from_endpoint"),
                rs.getString("from_formatted"),
                rs.getString("phone_number_sid"),
                CallColumns.STATUS.fromRow().get(rs, "status"),
                time(rs, "start_time"),
                time(rs, "end_time"),
                rs.getObject("duration", Integer.class),
                rs.getBigDecimal("price"),
                rs.getString("price_unit"),
                rs.getString("direction"),
                rs.getString("answered_by"),
                rs.getString("forwarded_from"),
                rs.getString("group_sid"),
                rs.getString("caller_name"),
                rs.getObject("queue_time", Long.class),
                rs.getString("trunk_sid"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        return CallColumns.TIME.fromRow().get(rs, column);
    }
}
