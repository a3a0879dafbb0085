package dev.dialtone.calls;

/** A validated update request ({@code UpdateCallRequest}); null means "not given". */
public record CallUpdate(
        String url,
        HttpMethod method,
        String twiml,
        CallStatus status,
        String fallbackUrl,
        HttpMethod fallbackMethod,
        String statusCallback,
        HttpMethod statusCallbackMethod,
        Integer timeLimit) {

    boolean redirects() {
        return url != null || twiml != null;
    }
}
