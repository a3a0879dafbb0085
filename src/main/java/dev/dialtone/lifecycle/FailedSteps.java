package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.webhooks.CallNotifications;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** What becomes of a call whose step Dialtone could not apply: it alone ends, and says why. */
@Component
class FailedSteps {

    private static final Logger log = LoggerFactory.getLogger(FailedSteps.class);

    /** Twilio's code for an internal failure: a step Dialtone could not apply. */
    static final int INTERNAL_FAILURE = 20500;

    private final CallStore calls;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CallNotifications notifications;
    private final CallEndings endings;
    private final Clock clock;

    FailedSteps(
            CallStore calls,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            CallNotifications notifications,
            CallEndings endings,
            Clock clock) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notifications = notifications;
        this.endings = endings;
        this.clock = clock;
    }

    /**
     * A step of this call could not be applied: it ends (failed, or completed once answered), with
     * a notification saying why. Should even that fail, it is taken off the schedule, so no later
     * round trips over it again.
     */
    void end(String sid, Throwable cause) {
        log.warn("Call {}: its next step could not be applied; the call ends", sid, cause);
        String message =
                "Dialtone could not apply the call's next step (" + cause + "); the call ended";
        try {
            transactions.executeWithoutResult(
                    status -> {
                        Call call = calls.lock(sid).orElse(null);
                        if (call == null || !call.isLive()) {
                            return;
                        }
                        notifications.record(
                                sid,
                                call.accountSid(),
                                CallNotifications.Level.ERROR,
                                INTERNAL_FAILURE,
                                message,
                                null,
                                null);
                        endings.end(
                                call,
                                call.status() == CallStatus.IN_PROGRESS
                                        ? CallStatus.COMPLETED
                                        : CallStatus.FAILED,
                                null,
                                DatabaseTime.now(clock));
                        calls.save(call);
                    });
        } catch (RuntimeException again) {
            log.error(
                    "Call {}: could not be ended either; it is taken off the schedule", sid, again);
            transactions.executeWithoutResult(
                    status -> {
                        jdbc.update("UPDATE calls SET next_event_at = NULL WHERE sid = ?", sid);
                        String account =
                                jdbc
                                        .queryForList(
                                                "SELECT account_sid FROM calls WHERE sid = ?",
                                                String.class,
                                                sid)
                                        .stream()
                                        .findFirst()
                                        .orElse(null);
                        if (account != null) {
                            notifications.record(
                                    sid,
                                    account,
                                    CallNotifications.Level.ERROR,
                                    INTERNAL_FAILURE,
                                    message
                                            + "; it could not be ended and waits, held, for an operator",
                                    null,
                                    null);
                        }
                    });
        }
    }
}
