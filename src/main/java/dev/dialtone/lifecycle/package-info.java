/** The scripted callee, the decisions of each step, and the loop that claims due calls. */
@ApplicationModule(
        allowedDependencies = {
            "calls",
            "twiml",
            "webhooks",
            "recordings",
            "accounts",
            "web",
            "support"
        })
package dev.dialtone.lifecycle;

import org.springframework.modulith.ApplicationModule;
