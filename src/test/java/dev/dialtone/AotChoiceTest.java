package dev.dialtone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AotChoiceTest {

    @Test
    void thePackagedJarUsesTheWiringItsBuildGenerated() {
        assertThat(DialtoneApplication.usesAot(null, true, true)).isTrue();
    }

    @Test
    void compiledClassesNeverDoEvenWhereAnEarlierPackageLeftGeneratedOnes() {
        assertThat(DialtoneApplication.usesAot(null, false, true)).isFalse();
        assertThat(DialtoneApplication.usesAot(null, true, false)).isFalse();
    }

    @Test
    void anExplicitSettingDecides() {
        assertThat(DialtoneApplication.usesAot("false", true, true)).isFalse();
        assertThat(DialtoneApplication.usesAot("true", false, false)).isTrue();
    }
}
