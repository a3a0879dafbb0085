package dev.dialtone.support;

import java.util.concurrent.Semaphore;

/**
 * At most so many asynchronous requests under way at once, each holding a connection and its
 * buffers; what does not fit waits in the database. A loop asks for {@link #room}, claims no more
 * than that, {@link #take}s a permit for each request it starts, and each request {@link #release}s
 * its permit when done, which wakes the loop to claim more.
 */
public final class InFlightLimit {

    private final Semaphore permits;
    private final Runnable onRelease;

    public InFlightLimit(int max, Runnable onRelease) {
        this.permits = new Semaphore(max);
        this.onRelease = onRelease;
    }

    /** How many requests may start now, at most {@code batch}. */
    public int room(int batch) {
        return Math.min(batch, permits.availablePermits());
    }

    /** Waits, if another thread took the room meanwhile, until {@code count} permits are free. */
    public void take(int count) {
        permits.acquireUninterruptibly(count);
    }

    public void release() {
        permits.release();
        onRelease.run();
    }
}
