package dev.dialtone.webhooks;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Fetches a call's TwiML as Twilio does: the document URL with its method and the voice parameters;
 * on an error answer, a timeout, a connection failure or a document its reader cannot use, the
 * FallbackUrl with ErrorCode 11200 and ErrorUrl. Every attempt goes into the call's timeline. What
 * a document means is the reader's business (the lifecycle parses it with the twiml module), so
 * outbound requests need know nothing of TwiML.
 */
@Component
public class TwimlFetcher {

    /** Reads a fetched body into the document the call runs. */
    public interface Reader<T> {
        T read(String body) throws UnusableDocument;
    }

    /** The body is no document the call can run; {@code errorCode} says why, as Twilio does. */
    public static final class UnusableDocument extends Exception {
        private final int errorCode;

        public UnusableDocument(int errorCode, String message) {
            super(message, null, false, false);
            this.errorCode = errorCode;
        }

        public int errorCode() {
            return errorCode;
        }
    }

    /**
     * What the call runs next: a document, or the error (with Twilio's code) that left it without
     * one.
     */
    public record Result<T>(T document, String documentUrl, int errorCode, String error) {

        static <T> Result<T> failure(int errorCode, String error) {
            return new Result<>(null, null, errorCode, error);
        }

        public boolean failed() {
            return document == null;
        }
    }

    /** Who asks, and where to: a snapshot of the call taken when it was claimed. */
    public record Request(
            String callSid,
            String accountSid,
            String url,
            WebhookMethod method,
            String fallbackUrl,
            WebhookMethod fallbackMethod,
            List<Map.Entry<String, String>> parameters) {}

    private final WebhookClient client;
    private final CallRequestLog requestLog;
    private final WebhookProperties properties;
    private final Clock clock;

    TwimlFetcher(
            WebhookClient client,
            CallRequestLog requestLog,
            WebhookProperties properties,
            Clock clock) {
        this.client = client;
        this.requestLog = requestLog;
        this.properties = properties;
        this.clock = clock;
    }

    public <T> CompletableFuture<Result<T>> fetch(Request request, Reader<T> reader) {
        return attempt(
                        request,
                        reader,
                        request.url(),
                        request.method(),
                        request.parameters(),
                        CallRequestLog.Kind.TWIML)
                .thenCompose(
                        primary -> {
                            if (!primary.failed() || request.fallbackUrl() == null) {
                                return CompletableFuture.completedFuture(primary);
                            }
                            List<Map.Entry<String, String>> parameters =
                                    new ArrayList<>(request.parameters());
                            parameters.add(
                                    Map.entry("ErrorCode", Integer.toString(primary.errorCode())));
                            parameters.add(Map.entry("ErrorUrl", request.url()));
                            return attempt(
                                            request,
                                            reader,
                                            request.fallbackUrl(),
                                            request.fallbackMethod(),
                                            parameters,
                                            CallRequestLog.Kind.TWIML_FALLBACK)
                                    .thenApply(
                                            fallback ->
                                                    fallback.failed()
                                                            ? Result.<T>failure(
                                                                    primary.errorCode(),
                                                                    primary.error()
                                                                            + "; fallback: "
                                                                            + fallback.error())
                                                            : fallback);
                        });
    }

    private <T> CompletableFuture<Result<T>> attempt(
            Request request,
            Reader<T> reader,
            String url,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            CallRequestLog.Kind kind) {
        DeliverySettings settings = DeliverySettings.of(url, properties);
        // When it was asked, by Dialtone's clock: on a stopped clock that is the same every run.
        Instant requestedAt = DatabaseTime.now(clock);
        return client.send(request.accountSid(), settings, method, parameters)
                .thenApply(
                        outcome -> {
                            Result<T> result;
                            if (outcome.failure() == DeliverySettings.Failure.REFUSED) {
                                result =
                                        Result.<T>failure(
                                                11100,
                                                "Invalid URL "
                                                        + settings.url()
                                                        + ": "
                                                        + outcome.error());
                            } else if (outcome.failure() == DeliverySettings.Failure.CONNECT
                                    || outcome.failure() == DeliverySettings.Failure.READ) {
                                boolean unknown =
                                        outcome.error().startsWith(WebhookClient.UNKNOWN_HOST);
                                result =
                                        Result.<T>failure(
                                                unknown ? 11210 : 11205,
                                                (unknown
                                                                ? "HTTP bad host name: "
                                                                : "HTTP connection failure with ")
                                                        + settings.url()
                                                        + ": "
                                                        + outcome.error());
                            } else if (!outcome.succeeded()) {
                                result =
                                        Result.<T>failure(
                                                11200,
                                                "HTTP retrieval failure from "
                                                        + settings.url()
                                                        + ": "
                                                        + outcome.error());
                            } else if (!isTwimlType(outcome.contentType())) {
                                result =
                                        Result.<T>failure(
                                                12300,
                                                "Invalid Content-Type "
                                                        + outcome.contentType()
                                                        + " from "
                                                        + settings.url());
                            } else if (outcome.body().length() > WebhookClient.MAX_BODY) {
                                result =
                                        Result.<T>failure(
                                                11750,
                                                "TwiML response body too large from "
                                                        + settings.url());
                            } else {
                                try {
                                    result =
                                            new Result<>(
                                                    reader.read(outcome.body()),
                                                    settings.url(),
                                                    0,
                                                    null);
                                } catch (UnusableDocument e) {
                                    result =
                                            Result.<T>failure(
                                                    e.errorCode(),
                                                    e.getMessage() + " from " + settings.url());
                                }
                            }
                            WebhookClient.Outcome recorded =
                                    result.failed()
                                            ? new WebhookClient.Outcome(
                                                    outcome.url(),
                                                    outcome.statusCode(),
                                                    outcome.body(),
                                                    outcome.millis(),
                                                    result.errorCode() + " " + result.error(),
                                                    outcome.failure())
                                            : outcome;
                            requestLog.record(
                                    request.callSid(),
                                    request.accountSid(),
                                    kind,
                                    null,
                                    1,
                                    method,
                                    parameters,
                                    recorded,
                                    requestedAt);
                            return result;
                        });
    }

    /**
     * Whether a document of this type can be TwiML: XML, HTML or plain text, or no type at all
     * (Twilio also plays audio answers; Dialtone does not).
     */
    static boolean isTwimlType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.contains("xml")
                || type.startsWith("text/html")
                || type.startsWith("text/plain");
    }
}
