package dev.dialtone.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Dialtone's clock. Stopped ({@link #stop()}, or {@code manualClock}), nothing moves until {@link
 * #advance} moves it; an advance applies every step due in that span, in due order — each TwiML
 * fetched, each callback delivered — before it returns, so a test reads the outcome right after.
 */
public final class DialtoneClock {

    private final ControlClient client;

    DialtoneClock(ControlClient client) {
        this.client = client;
    }

    /** Stops time where it is. */
    public Instant stop() {
        return now(client.post("/dialtone/clock", new Form().add("Mode", "manual").fields()));
    }

    /** Gives time back to the system clock. */
    public Instant real() {
        return now(client.post("/dialtone/clock", new Form().add("Mode", "real").fields()));
    }

    /** Moves a stopped clock on by {@code by}; answers the new time. */
    public Instant advance(Duration by) {
        return now(
                client.post(
                        "/dialtone/clock", new Form().add("Advance", Form.duration(by)).fields()));
    }

    /** Dialtone's time now. */
    public Instant now() {
        return now(client.get("/dialtone/clock"));
    }

    /** Whether the clock is stopped. */
    public boolean isManual() {
        return "manual".equals(client.get("/dialtone/clock").get("mode"));
    }

    private static Instant now(Map<String, Object> clock) {
        return Instant.parse((String) clock.get("now"));
    }
}
