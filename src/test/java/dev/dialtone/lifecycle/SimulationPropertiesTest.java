package dev.dialtone.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationPropertiesTest {

    private static SimulationProperties atSpeed(double speed) {
        Duration s = Duration.ofSeconds(1);
        return new SimulationProperties(
                s, s, s, speed, s, s, s, BigDecimal.ONE, s, s, s, s, List.of(), true);
    }

    @Test
    void scalesDurationsBySpeed() {
        assertThat(atSpeed(100).scaled(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(30));
        assertThat(atSpeed(0.5).scaled(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aDurationTooLongForNanosecondsIsCutNotOverflowed() {
        Duration fivePauses = Duration.ofSeconds(5L * Integer.MAX_VALUE);
        assertThat(atSpeed(100).scaled(fivePauses))
                .isEqualTo(SimulationProperties.LONGEST.dividedBy(100));
        assertThat(atSpeed(0.001).scaled(fivePauses)).isPositive();
        assertThat(atSpeed(1).scaled(fivePauses)).isEqualTo(SimulationProperties.LONGEST);
    }
}
