/** Database time, after-commit hooks, in-flight limits, the wake-up loop, the outbound policy. */
@ApplicationModule(allowedDependencies = {})
package dev.dialtone.support;

import org.springframework.modulith.ApplicationModule;
