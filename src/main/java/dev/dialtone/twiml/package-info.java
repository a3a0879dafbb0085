/** Parsing TwiML and planning what a document does: pure code. */
@ApplicationModule(allowedDependencies = {"web"})
package dev.dialtone.twiml;

import org.springframework.modulith.ApplicationModule;
