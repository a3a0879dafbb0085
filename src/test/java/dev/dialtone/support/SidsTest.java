package dev.dialtone.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SidsTest {

    @Test
    void haveTwiliosShapeAndSortByCreationTime() {
        Instant t = Instant.parse("2026-11-22T10:00:00.123Z");
        String earlier = Sids.next("CA", Clock.fixed(t, ZoneOffset.UTC));
        String later = Sids.next("CA", Clock.fixed(t.plusMillis(1), ZoneOffset.UTC));

        assertThat(earlier).matches("CA[0-9a-f]{32}");
        assertThat(earlier.substring(2, 14)).isEqualTo(String.format("%012x", t.toEpochMilli()));
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void differWithinTheSameMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sids.add(Sids.next("CA", frozen));
        }
        assertThat(sids).hasSize(10_000);
    }
}
