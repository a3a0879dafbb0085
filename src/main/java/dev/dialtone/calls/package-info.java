/**
 * The call, its guarded transitions, its store and the Calls REST API; it tells others through
 * events.
 */
@ApplicationModule(allowedDependencies = {"web", "support"})
package dev.dialtone.calls;

import org.springframework.modulith.ApplicationModule;
