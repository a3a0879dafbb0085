package dev.dialtone.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Dialtone's clock: the system's time, until it is stopped at an instant ({@code
 * dialtone.simulation.clock=manual}, {@code POST /dialtone/clock}, or a test), from where only
 * {@link #advance} moves it.
 */
public final class ManualClock extends Clock {

    private volatile Instant stopped;

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
