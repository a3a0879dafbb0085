package dev.dialtone;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules and the only dependencies each may have (the {@code @ApplicationModule} of each
 * package): a dependency outside them, a cycle, or a use of another module's internals fails the
 * build.
 */
class ModulesTest {

    @Test
    void everyModuleUsesOnlyWhatItMay() {
        ApplicationModules.of(DialtoneApplication.class).verify();
    }
}
