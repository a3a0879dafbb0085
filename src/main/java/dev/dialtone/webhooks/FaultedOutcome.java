package dev.dialtone.webhooks;

import dev.dialtone.faults.Fault;

/** What an outbound fault rule makes of a request it fails, in place of the request itself. */
final class FaultedOutcome {

    private FaultedOutcome() {}

    /** What a fault rule makes of a request it fails: no answer, or its status. */
    static WebhookClient.Outcome of(Fault fault, String url) {
        long millis = fault.latency() == null ? 0 : fault.latency().toMillis();
        String by = " (fault " + fault.sid() + ")";
        if (fault.error() == Fault.Error.REFUSED) {
            return new WebhookClient.Outcome(
                    url,
                    0,
                    null,
                    millis,
                    "ConnectException: Connection refused" + by,
                    DeliverySettings.Failure.CONNECT);
        }
        if (fault.error() == Fault.Error.TIMEOUT) {
            return new WebhookClient.Outcome(
                    url,
                    0,
                    null,
                    millis,
                    "HttpTimeoutException: request timed out" + by,
                    DeliverySettings.Failure.READ);
        }
        return new WebhookClient.Outcome(
                url,
                fault.status(),
                "",
                millis,
                "HTTP " + fault.status() + by,
                fault.status() >= 500
                        ? DeliverySettings.Failure.SERVER_ERROR
                        : DeliverySettings.Failure.CLIENT_ERROR);
    }
}
