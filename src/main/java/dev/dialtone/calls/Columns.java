package dev.dialtone.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How a call's typed values sit in their columns: enums by name, times with their offset. */
final class Columns {
    private Columns() {}

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static HttpMethod method(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : HttpMethod.valueOf(value);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
