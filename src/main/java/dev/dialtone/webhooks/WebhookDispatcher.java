package dev.dialtone.webhooks;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.GroupWriter;
import dev.dialtone.support.InFlightLimit;
import dev.dialtone.support.WakeableLoop;
import dev.dialtone.webhooks.WebhookOutbox.Claimed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

    /** Calls looked at again in one statement, at most. */
    private static final int LOOK_AGAIN_BATCH = 500;

    /** How long a webhook whose host has no room waits before it is looked at again. */
    private static final Duration HOST_FULL_WAIT = Duration.ofMillis(200);

    private final WebhookOutbox outbox;
    private final TransactionTemplate transactions;
    private final WebhookClient client;
    private final CallRequestLog requestLog;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private volatile WakeableLoop loop;
    private Instant lastRelease = Instant.EPOCH;

    /** Calls whose waiting webhooks may have become free to go when a transaction committed. */
    private final Set<String> lookAgain = ConcurrentHashMap.newKeySet();

    private final InFlightLimit inFlight;
    private final HostShares hosts;
    private final GroupWriter<Delivery> deliveries;

    WebhookDispatcher(
            WebhookOutbox outbox,
            TransactionTemplate transactions,
            WebhookClient client,
            CallRequestLog requestLog,
            WebhookProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
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
     * A committed transaction wrote a webhook of this call that waits, or settled one: the next
     * round lets go what no longer waits for anything. Of a callback written behind one being
     * settled meanwhile and that settle, neither may have seen the other; the one committing last
     * looks again here, once both are committed.
     */
    void lookAgainAt(String callSid) {
        lookAgain.add(callSid);
        wakeNow();
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
        outbox.releaseWaiting(DatabaseTime.now(clock));
        boolean done;
        do {
            round();
            inFlight.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            Instant now = DatabaseTime.now(clock);
            done =
                    inFlight.isIdle()
                            && outbox.releaseWaiting(now) == 0
                            && !outbox.anyDue(now)
                            && inFlight.isIdle();
        } while (!done && System.nanoTime() < deadline);
    }

    /** When the next webhook after {@code after} is due, if any is. */
    Optional<Instant> nextDueAfter(Instant after) {
        return outbox.nextDueAfter(after);
    }

    private Optional<Instant> round() {
        Instant now = clock.instant();
        releaseLookedAgain();
        // A clock set back (a test's stopped clock) must not hold the sweep off until it catches
        // up.
        if (now.isAfter(lastRelease.plus(properties.waitingSweepInterval()))
                || now.isBefore(lastRelease)) {
            lastRelease = now;
            outbox.releaseWaiting(DatabaseTime.now(clock));
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
        return WakeableLoop.nextRound(outbox.earliestDue(), total, clock);
    }

    private void releaseLookedAgain() {
        List<String> calls = new ArrayList<>();
        for (var i = lookAgain.iterator(); i.hasNext() && calls.size() < LOOK_AGAIN_BATCH; ) {
            calls.add(i.next());
            i.remove();
        }
        if (!calls.isEmpty()) {
            outbox.releaseWaiting(calls, DatabaseTime.now(clock));
            if (!lookAgain.isEmpty()) {
                wakeNow();
            }
        }
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
        List<Claimed> batch = outbox.lockDue(now, limit);
        List<Claimed> sending = new ArrayList<>();
        List<Claimed> held = new ArrayList<>();
        List<WebhookOutbox.Lease> leases = new ArrayList<>();
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
                outbox.finish(webhook, WebhookState.FAILED, now);
                continue;
            }
            if (!hosts.tryTake(settings.url())) {
                // Its host has its share under way; others' webhooks go first meanwhile.
                held.add(webhook);
                continue;
            }
            // While it is being sent the row is leased; if this instance dies, the lease runs out
            // and another sends it.
            Instant lease =
                    now.plus(settings.connectTimeout()).plus(settings.readTimeout()).plusSeconds(1);
            leases.add(new WebhookOutbox.Lease(webhook, lease));
            sending.add(webhook);
        }
        outbox.holdUntil(held, now.plus(HOST_FULL_WAIT));
        outbox.lease(leases);
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
                            } else {
                                lookAgain.add(webhook.callSid());
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
            outbox.finish(webhook, WebhookState.DELIVERED, now);
        } else if (webhook.attempt() <= settings.retries()
                && settings.retryOn().contains(outcome.failure())) {
            Instant next =
                    now.plus(
                            properties
                                    .retryBackoff()
                                    .multipliedBy(1L << Math.min(10, webhook.attempt() - 1)));
            outbox.retryAt(webhook, next, now);
        } else {
            log.info(
                    "Webhook {} for call {} to {} failed: {}",
                    webhook.id(),
                    webhook.callSid(),
                    settings.url(),
                    outcome.error());
            outbox.finish(webhook, WebhookState.FAILED, now);
        }
    }

    @Override
    public void destroy() {
        if (loop != null) {
            loop.close();
        }
        deliveries.stop(Duration.ofSeconds(10));
    }
}
