/** Accounts, auth tokens, API keys, and Basic auth on every route. */
@ApplicationModule(allowedDependencies = {"web"})
package dev.dialtone.accounts;

import org.springframework.modulith.ApplicationModule;
