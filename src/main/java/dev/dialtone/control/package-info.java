/** The emulator's own API. */
@ApplicationModule(
        allowedDependencies = {
            "calls",
            "twiml",
            "webhooks",
            "lifecycle",
            "recordings",
            "faults",
            "numbers",
            "accounts",
            "web",
            "support"
        })
package dev.dialtone.control;

import org.springframework.modulith.ApplicationModule;
