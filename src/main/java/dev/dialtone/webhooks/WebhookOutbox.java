package dev.dialtone.webhooks;

import static dev.dialtone.support.DatabaseTime.utc;

import dev.dialtone.calls.CallStore;
import dev.dialtone.web.WebhookMethod;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's rows as the dispatcher reads and writes them: which are due, locked for sending,
 * leased, held back, retried and settled, and which of a call's waiting ones goes next. What to do
 * with each is the dispatcher's to decide.
 */
@Component
class WebhookOutbox {

    /** Due webhooks, the oldest first; a call's later ones wait unclaimable until their turn. */
    private static final String DUE =
            "SELECT id FROM webhooks WHERE due_at <= ? ORDER BY due_at, id LIMIT ?";

    private static final String CLAIM =
            "SELECT id, call_sid, account_sid, url, method, parameters, attempts"
                    + " FROM webhooks WHERE id IN (%s) AND due_at <= ? ORDER BY due_at, id"
                    + " FOR UPDATE SKIP LOCKED";

    /**
     * Makes the first waiting webhook of a call due, once none of the call's is being sent or about
     * to be. A webhook waiting for its retry (RETRYING) holds no one back: its first attempt had
     * its turn, and the next event may go.
     */
    private static final String NEXT_IN_LINE =
            "UPDATE webhooks SET state = "
                    + WebhookState.PENDING.literal()
                    + ", due_at = ? WHERE id = (SELECT MIN(id) FROM webhooks"
                    + " WHERE call_sid = ? AND state = "
                    + WebhookState.WAITING.literal()
                    + ") AND NOT EXISTS (SELECT 1 FROM webhooks e"
                    + " WHERE e.call_sid = ? AND e.state "
                    + WebhookState.UNDER_WAY
                    + ")";

    /**
     * The same for every call at once (or the calls named): a callback written while the one before
     * it was being settled in another transaction saw it unsettled and waits, and the settle did
     * not see it yet; whichever of the two commits last looks again once it has.
     */
    private static final String RELEASE_WAITING =
            "UPDATE webhooks SET state = "
                    + WebhookState.PENDING.literal()
                    + ", due_at = ? WHERE state = "
                    + WebhookState.WAITING.literal()
                    + " AND NOT EXISTS"
                    + " (SELECT 1 FROM webhooks e WHERE e.call_sid = webhooks.call_sid AND e.id < webhooks.id"
                    + " AND e.state "
                    + WebhookState.IN_LINE
                    + ")";

    private static final String LEASE =
            "UPDATE webhooks SET state = CASE WHEN state = "
                    + WebhookState.RETRYING.literal()
                    + " THEN "
                    + WebhookState.RETRYING.literal()
                    + " ELSE "
                    + WebhookState.SENDING.literal()
                    + " END,"
                    + " attempts = ?, next_attempt_at = ?, due_at = ? WHERE id = ?";

    /** A claimed webhook, with the delivery settings its URL's fragment gives. */
    record Claimed(
            long id,
            String callSid,
            String accountSid,
            DeliverySettings settings,
            WebhookMethod method,
            String parameters,
            int attempt) {}

    /** A claimed webhook being sent until {@code until}, when another may take it. */
    record Lease(Claimed webhook, Instant until) {}

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;

    WebhookOutbox(JdbcTemplate jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Lets go every waiting webhook with none of its call's ahead of it; answers how many. */
    int releaseWaiting(Instant now) {
        return jdbc.update(RELEASE_WAITING, utc(now));
    }

    /** The same for these calls' webhooks only. */
    int releaseWaiting(Collection<String> callSids, Instant now) {
        List<Object> args = new ArrayList<>(callSids.size() + 1);
        args.add(utc(now));
        args.addAll(callSids);
        return jdbc.update(
                RELEASE_WAITING
                        + " AND call_sid IN ("
                        + CallStore.placeholders(callSids.size())
                        + ")",
                args.toArray());
    }

    /** Locks up to {@code limit} webhooks due by {@code now} that no one else holds. */
    List<Claimed> lockDue(Instant now, int limit) {
        // The due rows are chosen first and only they are locked: H2 would lock (and keep in
        // memory) every row a locking ordered scan reads, however small its LIMIT.
        List<Long> candidates = jdbc.queryForList(DUE, Long.class, utc(now), limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(candidates);
        args.add(utc(now));
        return jdbc.query(
                CLAIM.formatted(CallStore.placeholders(candidates.size())),
                (rs, i) ->
                        new Claimed(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                DeliverySettings.of(rs.getString(4), properties),
                                WebhookMethod.valueOf(rs.getString(5)),
                                rs.getString(6),
                                rs.getInt(7) + 1),
                args.toArray());
    }

    /** Marks these as being sent, each its attempt counted and leased until its time. */
    void lease(List<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                LEASE,
                leases.stream()
                        .map(
                                l ->
                                        new Object[] {
                                            l.webhook().attempt(),
                                            utc(l.until()),
                                            utc(l.until()),
                                            l.webhook().id()
                                        })
                        .toList());
    }

    /** Makes these due again only at {@code until}. */
    void holdUntil(List<Claimed> held, Instant until) {
        if (held.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "UPDATE webhooks SET due_at = ? WHERE id = ?",
                held.stream().map(w -> new Object[] {utc(until), w.id()}).toList());
    }

    /** Its next attempt is due at {@code next}; meanwhile the call's next one may go. */
    void retryAt(Claimed webhook, Instant next, Instant now) {
        jdbc.update(
                "UPDATE webhooks SET state = "
                        + WebhookState.RETRYING.literal()
                        + ", next_attempt_at = ?, due_at = ? WHERE id = ?",
                utc(next),
                utc(next),
                webhook.id());
        nextInLine(webhook, now);
    }

    /** Settles a webhook for good, and lets the call's next one go. */
    void finish(Claimed webhook, WebhookState state, Instant now) {
        jdbc.update(
                "UPDATE webhooks SET state = ?, next_attempt_at = ?, due_at = NULL WHERE id = ?",
                state.name(),
                utc(now),
                webhook.id());
        nextInLine(webhook, now);
    }

    private void nextInLine(Claimed webhook, Instant now) {
        jdbc.update(NEXT_IN_LINE, utc(now), webhook.callSid(), webhook.callSid());
    }

    /** When the earliest webhook is due, past or not, if any is. */
    OffsetDateTime earliestDue() {
        return jdbc.queryForObject("SELECT MIN(due_at) FROM webhooks", OffsetDateTime.class);
    }

    boolean anyDue(Instant now) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM webhooks WHERE due_at <= ?", Integer.class, utc(now))
                > 0;
    }

    /** When the next webhook after {@code after} is due, if any is. */
    Optional<Instant> nextDueAfter(Instant after) {
        OffsetDateTime next =
                jdbc.queryForObject(
                        "SELECT MIN(due_at) FROM webhooks WHERE due_at > ?",
                        OffsetDateTime.class,
                        utc(after));
        return Optional.ofNullable(next).map(OffsetDateTime::toInstant);
    }
}
