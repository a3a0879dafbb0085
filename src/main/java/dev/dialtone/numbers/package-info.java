/** The account's phone numbers ({@code IncomingPhoneNumbers}): where their incoming calls go. */
@ApplicationModule(allowedDependencies = {"calls", "web", "support"})
package dev.dialtone.numbers;

import org.springframework.modulith.ApplicationModule;
