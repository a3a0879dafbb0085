package dev.dialtone.web;

import java.util.Optional;

/**
 * How a module's own errors read as Twilio's: a module that raises errors of its own domain offers
 * a bean of this type, and {@link ApiExceptionHandler}, the one place that answers errors, asks it.
 */
public interface ErrorTranslation {
    Optional<TwilioException> translate(Throwable error);
}
