package dev.dialtone.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A failure that repeats (every request) logged once: the first time with its cause, then at most
 * once a minute with how many more there were, so a full disk cannot fill the log too.
 */
public final class OnceLog {

    private static final long INTERVAL = Duration.ofMinutes(1).toNanos();

    private final Logger log;
    private final String what;
    private final AtomicLong suppressed = new AtomicLong();
    private volatile long lastLogged;
    private volatile boolean logged;

    public OnceLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void failed(Throwable cause) {
        long now = System.nanoTime();
        synchronized (this) {
            if (!logged) {
                logged = true;
                lastLogged = now;
                log.error("{}: {}", what, cause.toString(), cause);
                return;
            }
            if (now - lastLogged < INTERVAL) {
                suppressed.incrementAndGet();
                return;
            }
            lastLogged = now;
        }
        log.error(
                "{} ({} more since the last report): {}",
                what,
                suppressed.getAndSet(0) + 1,
                cause.toString());
    }
}
