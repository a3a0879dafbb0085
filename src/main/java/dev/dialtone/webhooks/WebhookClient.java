package dev.dialtone.webhooks;

import dev.dialtone.accounts.AccountRegistry;
import dev.dialtone.calls.HttpMethod;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes Dialtone's requests to applications (TwiML fetches and status callbacks) as Twilio makes
 * them: form-encoded POST or GET with the parameters in the query, signed with the account's token.
 */
@Component
public class WebhookClient implements DisposableBean {

    /** Twilio refuses TwiML documents larger than this. */
    public static final int MAX_BODY = 64 * 1024;

    private final AccountRegistry accounts;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "dialtone-webhook-io");
        t.setDaemon(true);
        return t;
    });
    /**
     * Runs what follows a response: whatever the caller chains on (recording the delivery); the body
     * has been read by then, without blocking a thread. Left to the JDK client, that runs on CompletableFuture's default executor, which
     * on a machine with fewer than three cores starts a thread per task: thousands in a burst of
     * webhooks, each waiting for a database connection.
     */
    private final ExecutorService completions = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "dialtone-webhook-completion");
        t.setDaemon(true);
        return t;
    });
    /** Ends exchanges whose deadline passed; the work it does is a cancel, never I/O. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dialtone-webhook-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    /**
     * The JDK client takes its connect timeout per client, so a URL's {@code #ct=} picks one of a few
     * clients: its value rounded up to one of these. Any number of distinct values costs no more.
     */
    private static final List<Duration> CONNECT_TIMEOUTS = List.of(Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

    WebhookClient(AccountRegistry accounts) {
        this.accounts = accounts;
    }

    /** What came of one request. {@code failure} is null when the receiver answered 2xx. */
    public record Outcome(String url, int statusCode, String body, long millis, String error, DeliverySettings.Failure failure) {
        public boolean succeeded() {
            return failure == null;
        }

        public String excerpt() {
            return body == null ? null : body.length() > 1000 ? body.substring(0, 1000) : body;
        }
    }

    public CompletableFuture<Outcome> send(String accountSid, DeliverySettings settings, HttpMethod method,
            List<Map.Entry<String, String>> parameters) {
        String token = accounts.authToken(accountSid).orElse("");
        String form = FormEncoding.encode(parameters);
        HttpRequest.Builder request;
        String url;
        if (method == HttpMethod.GET) {
            url = form.isEmpty() ? settings.url() : settings.url() + (settings.url().contains("?") ? "&" : "?") + form;
            request = HttpRequest.newBuilder(URI.create(url)).GET()
                    .header("X-Twilio-Signature", RequestSigner.sign(token, url, List.of()));
        } else {
            url = settings.url();
            request = HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("X-Twilio-Signature", RequestSigner.sign(token, url, parameters));
        }
        request.timeout(settings.readTimeout()).header("User-Agent", "TwilioProxy/1.1 (Dialtone)")
                .header("I-Twilio-Idempotency-Token", java.util.UUID.randomUUID().toString());
        long started = System.nanoTime();
        // The request's timeout ends the wait for headers; the deadline ends the whole exchange, body included.
        Duration deadline = settings.connectTimeout().plus(settings.readTimeout());
        LimitedBody body = new LimitedBody(MAX_BODY + 1);
        CompletableFuture<HttpResponse<byte[]>> exchange = client(settings.connectTimeout())
                .sendAsync(request.build(), info -> body);
        ScheduledFuture<?> expiry = deadlines.schedule(() -> {
            body.expire("No complete answer within " + deadline.toMillis() + " ms");
            exchange.cancel(true);
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        return exchange.handleAsync((response, error) -> {
            expiry.cancel(false);
            if (error != null) {
                return failed(url, started, error instanceof CancellationException
                        ? new HttpTimeoutException("No complete answer within " + deadline.toMillis() + " ms") : error);
            }
            int status = response.statusCode();
            DeliverySettings.Failure failure = status >= 200 && status < 300 ? null
                    : status >= 500 ? DeliverySettings.Failure.SERVER_ERROR : DeliverySettings.Failure.CLIENT_ERROR;
            return new Outcome(url, status, new String(response.body(), StandardCharsets.UTF_8), elapsed(started),
                    failure == null ? null : "HTTP " + status, failure);
        }, completions);
    }

    private static Outcome failed(String url, long started, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        DeliverySettings.Failure kind = cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                ? DeliverySettings.Failure.CONNECT
                : cause instanceof HttpTimeoutException ? DeliverySettings.Failure.READ : DeliverySettings.Failure.CONNECT;
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Outcome(url, 0, null, elapsed(started), message, kind);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static Duration connectTimeoutClass(Duration connectTimeout) {
        return CONNECT_TIMEOUTS.stream().filter(t -> t.compareTo(connectTimeout) >= 0).findFirst()
                .orElse(CONNECT_TIMEOUTS.get(CONNECT_TIMEOUTS.size() - 1));
    }

    private HttpClient client(Duration connectTimeout) {
        return clientsByConnectTimeout.computeIfAbsent(connectTimeoutClass(connectTimeout), timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor)
                .build());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        completions.shutdownNow();
        deadlines.shutdownNow();
    }
}
