package dev.dialtone.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs a piece of work exactly when it is next due: callers say when something
 * becomes due ({@link #wakeAt}), the work answers when it next needs to run, and a periodic sweep
 * catches what other instances or a restart left behind.
 */
public final class WakeableLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakeableLoop.class);
    private static final Duration RECHECK = Duration.ofMillis(20);

    private final String name;
    private final Supplier<Optional<Instant>> work;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> pending;
    private Instant pendingAt;
    private long wakeCount;

    /** Rounds failed in a row: the first is logged with its cause, the rest only counted. */
    private int failedRounds;

    /**
     * @param work does everything that is due, and answers when it is next due (if it knows).
     */
    public WakeableLoop(
            String name, Supplier<Optional<Instant>> work, Clock clock, Duration sweep) {
        this.name = name;
        this.work = work;
        this.clock = clock;
        this.thread =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "dialtone-" + name);
                            t.setDaemon(true);
                            return t;
                        });
        long sweepMillis = Math.max(1, sweep.toMillis());
        thread.scheduleWithFixedDelay(
                this::runSafely, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** Something is due at {@code at}: run then, unless a run is already planned sooner. */
    public synchronized void wakeAt(Instant at) {
        if (thread.isShutdown()
                || (pending != null && !pending.isDone() && !pendingAt.isAfter(at))) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        long token = ++wakeCount;
        pendingAt = at;
        pending = thread.schedule(() -> runWake(token), delay, TimeUnit.NANOSECONDS);
    }

    /** A planned wake-up: once it runs, it no longer stands in the way of planning the next. */
    private void runWake(long token) {
        synchronized (this) {
            if (token == wakeCount) {
                pending = null;
                pendingAt = null;
            }
        }
        runSafely();
    }

    /**
     * When to run next, given the earliest due time the database holds: at that time, or at once if
     * it has passed while this round ran. When the round found nothing to claim although something
     * is due, another transaction holds it; look again shortly rather than spin.
     */
    public static Optional<Instant> nextRound(OffsetDateTime nextDue, int claimed, Clock clock) {
        if (nextDue == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant at = nextDue.toInstant();
        if (at.isAfter(now)) {
            return Optional.of(at);
        }
        return Optional.of(claimed > 0 ? now : now.plus(RECHECK));
    }

    public void wakeNow() {
        wakeAt(clock.instant());
    }

    private void runSafely() {
        try {
            (clock instanceof ManualClock manual ? manual.duringRound(work) : work.get())
                    .ifPresent(this::wakeAt);
            if (failedRounds > 0) {
                log.info("{} rounds work again, after {} failed", name, failedRounds);
                failedRounds = 0;
            }
        } catch (RuntimeException e) {
            // The sweep will try again; one bad round must not stop the loop, nor a failing one
            // (a full disk) flood the log.
            if (failedRounds++ == 0) {
                log.warn("{} round failed: {}", name, e.toString(), e);
            } else if (failedRounds % 1000 == 0) {
                log.warn(
                        "{} rounds keep failing ({} in a row): {}",
                        name,
                        failedRounds,
                        e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
