/**
 * Recordings: the Recording resources a call's {@code <Record>} makes, their REST API and their
 * audio.
 */
@ApplicationModule(allowedDependencies = {"calls", "webhooks", "web", "support"})
package dev.dialtone.recordings;

import org.springframework.modulith.ApplicationModule;
