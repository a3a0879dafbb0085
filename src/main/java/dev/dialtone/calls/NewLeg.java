package dev.dialtone.calls;

import dev.dialtone.web.WebhookMethod;
import java.util.List;

/**
 * A leg a {@code <Dial>} places: whom it rings and from which number, how long it may ring and
 * talk, the TwiML it runs before it is bridged (a {@code <Number url>}'s whisper, or null), and its
 * own status callbacks.
 */
public record NewLeg(
        String to,
        String from,
        int timeoutSeconds,
        int timeLimitSeconds,
        String url,
        WebhookMethod method,
        String statusCallback,
        WebhookMethod statusCallbackMethod,
        List<String> statusCallbackEvents) {}
