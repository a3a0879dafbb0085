/** The Twilio wire format: representations, rendering, errors in Twilio's shape. */
@ApplicationModule(allowedDependencies = {})
package dev.dialtone.web;

import org.springframework.modulith.ApplicationModule;
