package dev.dialtone.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param validateFrom whether a create's phone-number {@code From} must be one of the account's
 *     IncomingPhoneNumbers or Twilio's valid test number (21210 otherwise), as Twilio checks it;
 *     off by default, so any From works
 */
@ConfigurationProperties("dialtone")
record CallsProperties(boolean validateFrom) {}
