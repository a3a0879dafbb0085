package dev.dialtone;

import dev.dialtone.support.ManualClock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Everything that needs the time reads this clock, so tests can control it. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {
    /**
     * {@code dialtone.simulation.clock}: {@code real} (the default) runs with the system's time,
     * {@code manual} starts stopped, moved on only by {@code POST /dialtone/clock}.
     */
    @Bean
    ManualClock clock(@Value("${dialtone.simulation.clock:real}") String mode) {
        ManualClock clock = new ManualClock();
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "real" -> {}
            case "manual" -> clock.stop();
            default ->
                    throw new IllegalArgumentException(
                            "dialtone.simulation.clock must be real or manual, was " + mode);
        }
        return clock;
    }
}
