package dev.dialtone.calls;

import dev.dialtone.support.DatabaseTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The list query: filters, newest first, paged by keyset so each page is one index range scan. */
@Component
class CallQueries {

    private final JdbcTemplate jdbc;

    CallQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of calls, newest first, and whether more lie beyond it in the direction read. */
    record Slice(List<CallView> calls, boolean more) {}

    Slice page(String accountSid, CallFilter filter, CallPageRequest request) {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT " + CallViews.COLUMNS + " FROM calls WHERE account_sid = ?");
        List<Object> args = new ArrayList<>();
        args.add(accountSid);
        condition(sql, args, "to_endpoint = ?", filter.to());
        condition(sql, args, "from_endpoint = ?", filter.from());
        condition(sql, args, "parent_call_sid = ?", filter.parentCallSid());
        condition(sql, args, "status = ?", filter.status() == null ? null : filter.status().name());
        condition(sql, args, "start_time >= ?", DatabaseTime.utc(filter.startFrom()));
        condition(sql, args, "start_time < ?", DatabaseTime.utc(filter.startUntil()));
        condition(sql, args, "end_time >= ?", DatabaseTime.utc(filter.endFrom()));
        condition(sql, args, "end_time < ?", DatabaseTime.utc(filter.endUntil()));
        PageToken token = request.token();
        boolean backwards = token != null && !token.after();
        if (token != null) {
            sql.append(
                    backwards
                            ? " AND (date_created > ? OR (date_created = ? AND sid > ?))"
                            : " AND (date_created < ? OR (date_created = ? AND sid < ?))");
            args.add(DatabaseTime.utc(token.dateCreated()));
            args.add(DatabaseTime.utc(token.dateCreated()));
            args.add(token.sid());
        }
        sql.append(
                backwards
                        ? " ORDER BY date_created ASC, sid ASC"
                        : " ORDER BY date_created DESC, sid DESC");
        // One row more than the page tells whether another page follows.
        sql.append(" LIMIT ?");
        args.add(request.pageSize() + 1);
        if (token == null) {
            // Without a token, Page is the only position there is: fall back to an offset.
            sql.append(" OFFSET ?");
            args.add((long) request.page() * request.pageSize());
        }
        List<CallView> calls =
                new ArrayList<>(jdbc.query(sql.toString(), CallViews::row, args.toArray()));
        boolean more = calls.size() > request.pageSize();
        if (more) {
            calls.remove(calls.size() - 1);
        }
        if (backwards) {
            Collections.reverse(calls);
        }
        return new Slice(calls, more);
    }

    private static void condition(
            StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }
}
