package dev.dialtone.calls;

import dev.dialtone.web.WebhookMethod;

/** A validated update request ({@code UpdateCallRequest}); null means "not given". */
public record CallUpdate(
        String url,
        WebhookMethod method,
        String twiml,
        CallStatus status,
        String fallbackUrl,
        WebhookMethod fallbackMethod,
        String statusCallback,
        WebhookMethod statusCallbackMethod,
        Integer timeLimit) {

    boolean redirects() {
        return url != null || twiml != null;
    }
}
