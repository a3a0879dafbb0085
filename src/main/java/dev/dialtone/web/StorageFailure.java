package dev.dialtone.web;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database's storage giving out (a full disk, an I/O error, H2 closing
 * itself after one) rather than anything about the request: such a request is answered 503, and the
 * pool's connections are given up so that the database is opened afresh once space is back.
 */
public final class StorageFailure {
    private StorageFailure() {}

    /** H2: I/O error, file corrupted or closed after a write failed, database closed. */
    private static final int[] H2_CODES = {90028, 90030, 90031, 90098, 90121};

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isStorage(sql)) {
                return true;
            }
            if (t instanceof IOException
                    && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("no space left")) {
                return true;
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
            // A write that failed so badly that the rollback failed too (its connection was given
            // up): the rollback's failure hides the write's, which says what happened.
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure
                    && is(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStorage(SQLException sql) {
        String state = sql.getSQLState();
        // PostgreSQL: class 53 is "insufficient resources" (53100 disk full), 58
        // "system error" (58030 I/O).
        if (state != null && (state.startsWith("53") || state.startsWith("58"))) {
            return true;
        }
        for (int code : H2_CODES) {
            if (sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's hook ({@code spring.datasource.hikari.exception-override-class-name}): a connection
     * that met a storage failure is evicted, so the next one opens the database again.
     */
    public static final class EvictConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            return is(failure)
                    ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }
}
