package dev.dialtone.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Dialtone's clock: the system's time, until it is stopped at an instant ({@code
 * dialtone.simulation.clock=manual}, {@code POST /dialtone/clock}, or a test), from where only
 * {@link #advance} moves it.
 */
public final class ManualClock extends Clock {

    private volatile Instant stopped;

    /**
     * Background rounds share it; an advance takes it alone, so no round claims work that the
     * advance would then step past while it is on its way (a claim and its send are one round).
     */
    private final ReentrantReadWriteLock rounds = new ReentrantReadWriteLock();

    /** Runs a background loop's round; it waits while an advance is under way. */
    public <T> T duringRound(Supplier<T> round) {
        rounds.readLock().lock();
        try {
            return round.get();
        } finally {
            rounds.readLock().unlock();
        }
    }

    /** Runs an advance once the rounds under way have ended, with no other round beside it. */
    public void alone(Runnable advance) {
        rounds.writeLock().lock();
        try {
            advance.run();
        } finally {
            rounds.writeLock().unlock();
        }
    }

    /** Stops time at {@code instant} (to the microsecond, as the database keeps it). */
    public void stopAt(Instant instant) {
        stopped = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Stops time where it is now. */
    public void stop() {
        if (stopped == null) {
            stopAt(Instant.now());
        }
    }

    /** Moves stopped time on by {@code step}. */
    public void advance(Duration step) {
        Instant now = stopped;
        if (now == null) {
            throw new IllegalStateException("the clock runs on its own; stop it first");
        }
        stopped = now.plus(step);
    }

    public void runWithSystemTime() {
        stopped = null;
    }

    public boolean isStopped() {
        return stopped != null;
    }

    @Override
    public Instant instant() {
        Instant now = stopped;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Dialtone keeps time in UTC");
    }
}
