/**
 * Faults on demand: rules that make Dialtone's API answer an error or late, or its own outbound
 * requests fail, so a test can see its app cope.
 */
@ApplicationModule(allowedDependencies = {"accounts", "web", "support"})
package dev.dialtone.faults;

import org.springframework.modulith.ApplicationModule;
