/** Every outbound request: client, signing, the outbox and its dispatcher, the journal. */
@ApplicationModule(allowedDependencies = {"calls", "faults", "accounts", "web", "support"})
package dev.dialtone.webhooks;

import org.springframework.modulith.ApplicationModule;
