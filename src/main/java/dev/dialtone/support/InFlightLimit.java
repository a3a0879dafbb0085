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
    private final int max;

    public InFlightLimit(int max, Runnable onRelease) {
        this.permits = new Semaphore(max);
        this.onRelease = onRelease;
        this.max = max;
    }

    /**
     * Waits, up to {@code atMost}, until no request is under way; answers whether none is. For a
     * manual clock's advance, which applies what is due before it returns.
     */
    public boolean awaitIdle(java.time.Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (permits.availablePermits() < max) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether no request is under way. */
    public boolean isIdle() {
        return permits.availablePermits() == max;
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
