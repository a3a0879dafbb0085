package dev.dialtone.calls;

import dev.dialtone.web.WebhookMethod;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a call's enums sit in their columns: by name. Times go through {@link
 * dev.dialtone.support.DatabaseTime}.
 */
final class Columns {
    private Columns() {}

    static WebhookMethod method(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : WebhookMethod.valueOf(value);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
