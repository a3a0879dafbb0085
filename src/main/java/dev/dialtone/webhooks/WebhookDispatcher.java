package dev.dialtone.webhooks;

import static dev.dialtone.support.DatabaseTime.utc;

import dev.dialtone.calls.CallStore;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.GroupWriter;
import dev.dialtone.support.InFlightLimit;
import dev.dialtone.support.WakeableLoop;
import dev.dialtone.web.WebhookMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: claims due webhooks with row locks (so several instances send each once), sends
 * them asynchronously (a slow receiver holds up nothing else), records every attempt and retries
 * with backoff. A call's webhooks leave one at a time, in sequence order.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 200;

    /** Rows a claim takes at least while hosts under way are full, for the hosts not under way. */
    private static final int PROBE = 8;

    /** Deliveries recorded in one commit, at most: a burst's outcomes in a few. */
    private static final int MAX_SETTLE_BATCH = 256;

    /** How long a webhook whose host has no room waits before it is looked at again. */
    private static final Duration HOST_FULL_WAIT = Duration.ofMillis(200);

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
     * The same for every call at once: a callback written while the one before it was being settled
     * in another transaction saw it unsettled and waits; the sweep lets it go.
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

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WebhookClient client;
    private final CallRequestLog requestLog;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private volatile WakeableLoop loop;
    private Instant lastRelease = Instant.EPOCH;
    private final InFlightLimit inFlight;
    private final HostShares hosts;
    private final GroupWriter<Delivery> deliveries;

    WebhookDispatcher(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            WebhookClient client,
            CallRequestLog requestLog,
            WebhookProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.client = client;
        this.requestLog = requestLog;
        this.properties = properties;
        this.clock = clock;
        this.delivered = Counter.builder("dialtone.webhooks.delivered").register(meters);
        this.inFlight = new InFlightLimit(properties.maxInFlight(), this::wakeNow);
        this.hosts =
                new HostShares(
                        properties.maxInFlightPerHost(), properties.maxInFlightPerFailingHost());
        this.deliveries =
                new GroupWriter<>(
                        "dialtone-webhook-settles",
                        MAX_SETTLE_BATCH,
                        transactions,
                        batch -> batch.forEach(this::recordAndSettle));
    }

    /** Starts once the application is up, so nothing is sent before the database is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.enabled()) {
            return;
        }
        deliveries.start();
        loop = new WakeableLoop("webhooks", this::round, clock, properties.sweepInterval());
        loop.wakeNow();
    }

    public void wakeNow() {
        WakeableLoop current = loop;
        if (current != null) {
            current.wakeNow();
        }
    }

    /**
     * Sends, here and now, every webhook due by the clock's time and waits until each is settled,
     * the next in line of each call included: a manual clock's advance returns only once it is.
     */
    void settle(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        // Done when nothing is due and nothing is being sent, by this loop or the background one:
        // a send still out holds a lease an advance must not step past, or it would go twice.
        // A callback that waits behind one settled meanwhile is let go here, not at the sweep's
        // next turn, so it goes at the instant it is due and an advance never leaves it behind.
        jdbc.update(RELEASE_WAITING, utc(DatabaseTime.now(clock)));
        boolean done;
        do {
            round();
            inFlight.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            OffsetDateTime now = utc(DatabaseTime.now(clock));
            done =
                    inFlight.isIdle()
                            && jdbc.update(RELEASE_WAITING, now) == 0
                            && jdbc.queryForObject(
                                            "SELECT COUNT(*) FROM webhooks WHERE due_at <= ?",
                                            Integer.class,
                                            now)
                                    == 0
                            && inFlight.isIdle();
        } while (!done && System.nanoTime() < deadline);
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

    /** A claimed webhook, with the delivery settings its URL's fragment gives. */
    private record Claimed(
            long id,
            String callSid,
            String accountSid,
            DeliverySettings settings,
            WebhookMethod method,
            String parameters,
            int attempt) {}

    private Optional<Instant> round() {
        Instant now = clock.instant();
        // A clock set back (a test's stopped clock) must not hold the sweep off until it catches
        // up.
        if (now.isAfter(lastRelease.plus(properties.sweepInterval()))
                || now.isBefore(lastRelease)) {
            lastRelease = now;
            jdbc.update(RELEASE_WAITING, utc(DatabaseTime.now(clock)));
        }
        int claimed;
        int total = 0;
        int room;
        int limit;
        Claim claim;
        do {
            room = inFlight.room(BATCH);
            if (room == 0) {
                break;
            }
            // Rows whose host is full are only held back (a write each), so a claim takes about
            // what the hosts under way can still send, and at least a few for hosts not under way.
            limit = Math.min(room, Math.max(PROBE, hosts.largestFreeShare()));
            int asked = limit;
            claim = transactions.execute(status -> claim(asked));
            claimed = claim.rows();
            total += claimed;
            inFlight.take(claim.sending().size());
            claim.sending().forEach(this::send);
            // Once a host is full the round ends: its next delivery done wakes the next one.
        } while (claimed == limit && claim.held() == 0);
        // A due webhook held back behind an earlier one of its call counts too: that
        // one's settling wakes us.
        return WakeableLoop.nextRound(
                jdbc.queryForObject("SELECT MIN(due_at) FROM webhooks", OffsetDateTime.class),
                total,
                clock);
    }

    /** An attempt's outcome, to record in the journal and settle in the outbox. */
    private record Delivery(
            Claimed webhook,
            List<Map.Entry<String, String>> parameters,
            WebhookClient.Outcome outcome,
            Instant requestedAt) {}

    /** What one claim took: how many due rows it locked, those to send now, how many it held. */
    private record Claim(int rows, List<Claimed> sending, int held) {}

    private Claim claim(int limit) {
        Instant now = DatabaseTime.now(clock);
        // The due rows are chosen first and only they are locked: H2 would lock (and keep in
        // memory) every row a locking ordered scan reads, however small its LIMIT.
        List<Long> candidates = jdbc.queryForList(DUE, Long.class, utc(now), limit);
        if (candidates.isEmpty()) {
            return new Claim(0, List.of(), 0);
        }
        List<Object> args = new ArrayList<>(candidates);
        args.add(utc(now));
        List<Claimed> batch =
                jdbc.query(
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
        List<Claimed> sending = new ArrayList<>();
        List<Object[]> held = new ArrayList<>();
        List<Object[]> leased = new ArrayList<>();
        for (Claimed webhook : batch) {
            DeliverySettings settings = webhook.settings();
            if (webhook.attempt() > settings.retries() + 1) {
                // The last attempt's lease ran out (its instance died mid-send):
                // the attempts are spent.
                log.info(
                        "Webhook {} for call {} to {} failed: no attempt left",
                        webhook.id(),
                        webhook.callSid(),
                        settings.url());
                finish(webhook, WebhookState.FAILED, now);
                continue;
            }
            if (!hosts.tryTake(settings.url())) {
                // Its host has its share under way; others' webhooks go first meanwhile.
                held.add(new Object[] {utc(now.plus(HOST_FULL_WAIT)), webhook.id()});
                continue;
            }
            // While it is being sent the row is leased; if this instance dies, the lease runs out
            // and another sends it.
            Instant lease =
                    now.plus(settings.connectTimeout()).plus(settings.readTimeout()).plusSeconds(1);
            leased.add(new Object[] {webhook.attempt(), utc(lease), utc(lease), webhook.id()});
            sending.add(webhook);
        }
        if (!held.isEmpty()) {
            jdbc.batchUpdate("UPDATE webhooks SET due_at = ? WHERE id = ?", held);
        }
        if (!leased.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE webhooks SET state = CASE WHEN state = "
                            + WebhookState.RETRYING.literal()
                            + " THEN "
                            + WebhookState.RETRYING.literal()
                            + " ELSE "
                            + WebhookState.SENDING.literal()
                            + " END,"
                            + " attempts = ?, next_attempt_at = ?, due_at = ? WHERE id = ?",
                    leased);
        }
        return new Claim(batch.size(), sending, held.size());
    }

    private void send(Claimed webhook) {
        DeliverySettings settings = webhook.settings();
        var parameters = FormEncoding.decode(webhook.parameters());
        CompletableFuture<WebhookClient.Outcome> sending;
        Instant requestedAt = DatabaseTime.now(clock);
        try {
            sending = client.send(webhook.accountSid(), settings, webhook.method(), parameters);
        } catch (RuntimeException e) {
            // Its lease runs out and it is tried again; the permits must not be lost meanwhile.
            hosts.release(settings.url(), false);
            inFlight.release();
            log.warn("Could not send webhook {}: {}", webhook.id(), e.toString());
            return;
        }
        // Outcomes arriving together are recorded in one commit; the permit is held until then,
        // so an idle dispatcher has every attempt recorded.
        sending.thenCompose(
                        outcome -> {
                            hosts.release(
                                    settings.url(),
                                    outcome.failure() == DeliverySettings.Failure.CONNECT
                                            || outcome.failure() == DeliverySettings.Failure.READ);
                            return deliveries.write(
                                    new Delivery(webhook, parameters, outcome, requestedAt));
                        })
                .whenComplete(
                        (done, error) -> {
                            if (error != null) {
                                log.warn(
                                        "Could not record the delivery of webhook {}: {}",
                                        webhook.id(),
                                        error.toString());
                            }
                            inFlight.release();
                        });
    }

    private void recordAndSettle(Delivery delivery) {
        Claimed webhook = delivery.webhook();
        requestLog.record(
                webhook.callSid(),
                webhook.accountSid(),
                CallRequestLog.Kind.STATUS_CALLBACK,
                webhook.id(),
                webhook.attempt(),
                webhook.method(),
                delivery.parameters(),
                delivery.outcome(),
                delivery.requestedAt());
        settle(webhook, delivery.outcome());
    }

    private void settle(Claimed webhook, WebhookClient.Outcome outcome) {
        DeliverySettings settings = webhook.settings();
        Instant now = DatabaseTime.now(clock);
        if (outcome.succeeded()) {
            delivered.increment();
            finish(webhook, WebhookState.DELIVERED, now);
        } else if (webhook.attempt() <= settings.retries()
                && settings.retryOn().contains(outcome.failure())) {
            Instant next =
                    now.plus(
                            properties
                                    .retryBackoff()
                                    .multipliedBy(1L << Math.min(10, webhook.attempt() - 1)));
            jdbc.update(
                    "UPDATE webhooks SET state = "
                            + WebhookState.RETRYING.literal()
                            + ", next_attempt_at = ?, due_at = ? WHERE id = ?",
                    utc(next),
                    utc(next),
                    webhook.id());
            jdbc.update(NEXT_IN_LINE, utc(now), webhook.callSid(), webhook.callSid());
        } else {
            log.info(
                    "Webhook {} for call {} to {} failed: {}",
                    webhook.id(),
                    webhook.callSid(),
                    settings.url(),
                    outcome.error());
            finish(webhook, WebhookState.FAILED, now);
        }
    }

    /** Settles a webhook for good, and lets the call's next one go. */
    private void finish(Claimed webhook, WebhookState state, Instant now) {
        jdbc.update(
                "UPDATE webhooks SET state = ?, next_attempt_at = ?, due_at = NULL WHERE id = ?",
                state.name(),
                utc(now),
                webhook.id());
        jdbc.update(NEXT_IN_LINE, utc(now), webhook.callSid(), webhook.callSid());
    }

    @Override
    public void destroy() {
        if (loop != null) {
            loop.close();
        }
        deliveries.stop(Duration.ofSeconds(10));
    }
}
