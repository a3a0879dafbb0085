package dev.dialtone.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of a test's Dialtone: the system's time until a test stops it at an instant, from where
 * only the test moves it. {@link ApiTest} gives it back to the system after each test.
 */
public final class TestClock extends Clock {

    private volatile Instant stopped;

    /** Stops time at {@code instant} (to the microsecond, as the database keeps it). */
    public void stopAt(Instant instant) {
        stopped = instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves stopped time on by {@code step}. */
    public void advance(Duration step) {
        Instant now = stopped;
        if (now == null) {
            throw new IllegalStateException("the clock runs on its own; stopAt(...) first");
        }
        stopped = now.plus(step);
    }

    public void runWithSystemTime() {
        stopped = null;
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

    /** Puts the clock in the test's context in place of the system clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InContext {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
