/**
 * Recordings: the Recording resources a call's {@code <Record>} makes, their REST API and their
 * audio.
 */
@ApplicationModule(allowedDependencies = {"web", "support"})
package dev.dialtone.recordings;

import org.springframework.modulith.ApplicationModule;
