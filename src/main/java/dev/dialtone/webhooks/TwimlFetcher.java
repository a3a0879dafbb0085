package dev.dialtone.lifecycle;

import dev.dialtone.twiml.TwimlParser;
import dev.dialtone.twiml.Verb;
import dev.dialtone.web.WebhookMethod;
import dev.dialtone.webhooks.CallRequestLog;
import dev.dialtone.webhooks.DeliverySettings;
import dev.dialtone.webhooks.WebhookClient;
import dev.dialtone.webhooks.WebhookProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Fetches a call's TwiML as Twilio does: the document URL with its method and the voice parameters;
 * on an error answer, a timeout, a connection failure or unusable TwiML, the FallbackUrl with
 * ErrorCode 11200 and ErrorUrl. Every attempt goes into the call's timeline.
 */
@Component
public class TwimlFetcher {

    /**
     * What the call runs next: a document's verbs, or the error (with Twilio's code) that left it
     * without one.
     */
    public record Result(List<Verb> verbs, String documentUrl, int errorCode, String error) {
        Result(List<Verb> verbs, String documentUrl) {
            this(verbs, documentUrl, 0, null);
        }

        static Result failure(int errorCode, String error) {
            return new Result(null, null, errorCode, error);
        }

        public boolean failed() {
            return verbs == null;
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

    TwimlFetcher(WebhookClient client, CallRequestLog requestLog, WebhookProperties properties) {
        this.client = client;
        this.requestLog = requestLog;
        this.properties = properties;
    }

    public CompletableFuture<Result> fetch(Request request) {
        return attempt(
                        request,
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
                            parameters.add(Map.entry("ErrorCode", "11200"));
                            parameters.add(Map.entry("ErrorUrl", request.url()));
                            return attempt(
                                            request,
                                            request.fallbackUrl(),
                                            request.fallbackMethod(),
                                            parameters,
                                            CallRequestLog.Kind.TWIML_FALLBACK)
                                    .thenApply(
                                            fallback ->
                                                    fallback.failed()
                                                            ? Result.failure(
                                                                    primary.errorCode(),
                                                                    primary.error()
                                                                            + "; fallback: "
                                                                            + fallback.error())
                                                            : fallback);
                        });
    }

    private CompletableFuture<Result> attempt(
            Request request,
            String url,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters,
            CallRequestLog.Kind kind) {
        DeliverySettings settings = DeliverySettings.of(url, properties);
        return client.send(request.accountSid(), settings, method, parameters)
                .thenApply(
                        outcome -> {
                            Result result;
                            if (outcome.failure() == DeliverySettings.Failure.REFUSED) {
                                result =
                                        Result.failure(
                                                11100,
                                                "Invalid URL "
                                                        + settings.url()
                                                        + ": "
                                                        + outcome.error());
                            } else if (!outcome.succeeded()) {
                                result =
                                        Result.failure(
                                                11200,
                                                "HTTP retrieval failure from "
                                                        + settings.url()
                                                        + ": "
                                                        + outcome.error());
                            } else if (outcome.body().length() > WebhookClient.MAX_BODY) {
                                result =
                                        Result.failure(
                                                11750,
                                                "TwiML response body too large from "
                                                        + settings.url());
                            } else {
                                try {
                                    result =
                                            new Result(
                                                    TwimlParser.parse(outcome.body()),
                                                    settings.url());
                                } catch (TwimlParser.UnparseableTwiml e) {
                                    result =
                                            Result.failure(
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
                                    recorded);
                            return result;
                        });
    }
}
