package dev.dialtone.webhooks;

import dev.dialtone.accounts.AccountRegistry;
import dev.dialtone.faults.Fault;
import dev.dialtone.faults.FaultRules;
import dev.dialtone.support.OutboundPolicy;
import dev.dialtone.web.WebhookMethod;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes Dialtone's requests to applications (TwiML fetches and status callbacks) as Twilio makes
 * them: form-encoded POST or GET with the parameters in the query, signed with the account's token.
 */
@Component
class WebhookClient implements DisposableBean {

    /** Twilio refuses TwiML documents larger than this. */
    public static final int MAX_BODY = 64 * 1024;

    /** Twilio follows up to ten HTTP redirects (11215 beyond); each new target is checked again. */
    static final int MAX_REDIRECTS = 10;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final AccountRegistry accounts;
    private final FaultRules faults;
    private final OutboundPolicy policy;
    private final ExecutorService executor =
            Executors.newFixedThreadPool(8, daemon("dialtone-webhook-io"));

    /**
     * Runs what follows a response: whatever the caller chains on (recording the delivery); the
     * body has been read by then, without blocking a thread. Left to the JDK client, that runs on
     * CompletableFuture's default executor, which on a machine with fewer than three cores starts a
     * thread per task: thousands in a burst of webhooks, each waiting for a database connection.
     */
    private final ExecutorService completions =
            Executors.newFixedThreadPool(16, daemon("dialtone-webhook-completion"));

    /** Ends exchanges whose deadline passed; the work it does is a cancel, never I/O. */
    private final ScheduledExecutorService deadlines =
            Executors.newSingleThreadScheduledExecutor(daemon("dialtone-webhook-deadlines"));

    private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();

    /**
     * The JDK client takes its connect timeout per client, so a URL's {@code #ct=} picks one of a
     * few clients: its value rounded up to one of these. Any number of distinct values costs no
     * more.
     */
    private static final List<Duration> CONNECT_TIMEOUTS =
            List.of(
                    Duration.ofMillis(250),
                    Duration.ofMillis(500),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10));

    WebhookClient(AccountRegistry accounts, OutboundPolicy policy, FaultRules faults) {
        this.faults = faults;
        this.accounts = accounts;
        this.policy = policy;
    }

    /** What came of one request. {@code failure} is null when the receiver answered 2xx. */
    public record Outcome(
            String url,
            int statusCode,
            String body,
            long millis,
            String error,
            DeliverySettings.Failure failure,
            String contentType) {

        Outcome(
                String url,
                int statusCode,
                String body,
                long millis,
                String error,
                DeliverySettings.Failure failure) {
            this(url, statusCode, body, millis, error, failure, null);
        }

        public boolean succeeded() {
            return failure == null;
        }

        public String excerpt() {
            return body == null ? null : body.length() > 1000 ? body.substring(0, 1000) : body;
        }
    }

    public CompletableFuture<Outcome> send(
            String accountSid,
            DeliverySettings settings,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters) {
        Fault fault =
                faults.meet(accountSid, Fault.Direction.OUTBOUND, method.name(), settings.url())
                        .orElse(null);
        if (fault == null) {
            return exchange(accountSid, settings, method, parameters);
        }
        Executor later =
                fault.latency() == null
                        ? Runnable::run
                        : CompletableFuture.delayedExecutor(
                                fault.latency().toMillis(), TimeUnit.MILLISECONDS, completions);
        if (fault.error() == null && fault.status() == null) {
            return CompletableFuture.runAsync(() -> {}, later)
                    .thenCompose(done -> exchange(accountSid, settings, method, parameters));
        }
        return CompletableFuture.supplyAsync(() -> FaultedOutcome.of(fault, settings.url()), later);
    }

    private CompletableFuture<Outcome> exchange(
            String accountSid,
            DeliverySettings settings,
            WebhookMethod method,
            List<Map.Entry<String, String>> parameters) {
        String token = accounts.authToken(accountSid).orElse("");
        long started = System.nanoTime();
        // The request's timeout ends each wait for headers; the deadline ends the whole exchange,
        // bodies and redirects included, so it always ends before the caller's lease.
        long deadline = started + settings.connectTimeout().plus(settings.readTimeout()).toNanos();
        return hop(
                new Hop(settings.url(), method, 0), token, settings, parameters, started, deadline);
    }

    /** One request of an exchange: the first, or one a redirect asked for. */
    private record Hop(String url, WebhookMethod method, int redirects) {}

    private CompletableFuture<Outcome> hop(
            Hop hop,
            String token,
            DeliverySettings settings,
            List<Map.Entry<String, String>> parameters,
            long started,
            long deadline) {
        RequestTarget target;
        try {
            target = RequestTarget.of(hop.url());
        } catch (IllegalArgumentException malformed) {
            return refused(hop.url(), started, "Invalid URL: " + malformed.getMessage());
        }
        // Names are resolved off the caller's thread: the dispatcher's loop must never wait on DNS.
        return CompletableFuture.supplyAsync(() -> policy.refusal(target.url()), executor)
                .thenComposeAsync(
                        refusal -> {
                            if (refusal.isPresent()) {
                                return refused(target.url(), started, "Refused: " + refusal.get());
                            }
                            return exchange(
                                            target,
                                            hop,
                                            token,
                                            settings,
                                            parameters,
                                            started,
                                            deadline)
                                    .thenComposeAsync(
                                            answer -> {
                                                if (answer.redirect() == null) {
                                                    return CompletableFuture.completedFuture(
                                                            answer.outcome());
                                                }
                                                if (hop.redirects() >= MAX_REDIRECTS) {
                                                    return CompletableFuture.completedFuture(
                                                            new Outcome(
                                                                    target.url(),
                                                                    answer.outcome().statusCode(),
                                                                    null,
                                                                    elapsed(started),
                                                                    "More than "
                                                                            + MAX_REDIRECTS
                                                                            + " redirects",
                                                                    DeliverySettings.Failure
                                                                            .CLIENT_ERROR));
                                                }
                                                return hop(
                                                        answer.redirect(),
                                                        token,
                                                        settings,
                                                        parameters,
                                                        started,
                                                        deadline);
                                            },
                                            completions);
                        },
                        completions);
    }

    /** An answer, and the request it redirects to, if it does. */
    private record Answer(Outcome outcome, Hop redirect) {}

    private CompletableFuture<Answer> exchange(
            RequestTarget target,
            Hop hop,
            String token,
            DeliverySettings settings,
            List<Map.Entry<String, String>> parameters,
            long started,
            long deadline) {
        String form = FormEncoding.encode(parameters);
        HttpRequest.Builder request;
        String url;
        if (hop.method() == WebhookMethod.GET) {
            url =
                    form.isEmpty()
                            ? target.url()
                            : target.url() + (target.url().contains("?") ? "&" : "?") + form;
            request =
                    HttpRequest.newBuilder(URI.create(url))
                            .GET()
                            .header(
                                    "X-Twilio-Signature",
                                    RequestSigner.sign(token, url, List.of()));
        } else {
            url = target.url();
            request =
                    HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                            .header(
                                    "Content-Type",
                                    "application/x-www-form-urlencoded; charset=utf-8")
                            .header(
                                    "X-Twilio-Signature",
                                    RequestSigner.sign(token, url, parameters));
        }
        target.authorization().ifPresent(basic -> request.header("Authorization", basic));
        long remaining = Math.max(1, deadline - System.nanoTime());
        request.timeout(Duration.ofNanos(Math.min(remaining, settings.readTimeout().toNanos())))
                .header("User-Agent", "TwilioProxy/1.1 (Dialtone)")
                .header("I-Twilio-Idempotency-Token", java.util.UUID.randomUUID().toString());
        LimitedBody body = new LimitedBody(MAX_BODY + 1);
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client(settings.connectTimeout()).sendAsync(request.build(), info -> body);
        String late =
                "No complete answer within "
                        + Duration.ofNanos(deadline - started).toMillis()
                        + " ms";
        ScheduledFuture<?> expiry =
                deadlines.schedule(
                        () -> {
                            body.expire(late);
                            exchange.cancel(true);
                        },
                        remaining,
                        TimeUnit.NANOSECONDS);
        return exchange.handleAsync(
                (response, error) -> {
                    expiry.cancel(false);
                    if (error != null) {
                        return new Answer(
                                failed(
                                        url,
                                        started,
                                        error instanceof CancellationException
                                                ? new HttpTimeoutException(late)
                                                : error),
                                null);
                    }
                    int status = response.statusCode();
                    Optional<String> location = response.headers().firstValue("Location");
                    if (REDIRECTS.contains(status) && location.isPresent()) {
                        Outcome outcome =
                                new Outcome(
                                        url,
                                        status,
                                        null,
                                        elapsed(started),
                                        "HTTP " + status,
                                        DeliverySettings.Failure.CLIENT_ERROR);
                        try {
                            // As browsers do: 303, and a POST answered 301 or 302, go on as a GET;
                            // 307 and 308 keep the method.
                            WebhookMethod next =
                                    status == 303
                                                    || (status <= 302
                                                            && hop.method() == WebhookMethod.POST)
                                            ? WebhookMethod.GET
                                            : hop.method();
                            return new Answer(
                                    outcome,
                                    new Hop(
                                            URI.create(target.url())
                                                    .resolve(location.get().trim())
                                                    .toString(),
                                            next,
                                            hop.redirects() + 1));
                        } catch (IllegalArgumentException badLocation) {
                            return new Answer(outcome, null);
                        }
                    }
                    DeliverySettings.Failure failure =
                            status >= 200 && status < 300
                                    ? null
                                    : status >= 500
                                            ? DeliverySettings.Failure.SERVER_ERROR
                                            : DeliverySettings.Failure.CLIENT_ERROR;
                    return new Answer(
                            new Outcome(
                                    url,
                                    status,
                                    new String(response.body(), StandardCharsets.UTF_8),
                                    elapsed(started),
                                    failure == null ? null : "HTTP " + status,
                                    failure,
                                    response.headers().firstValue("Content-Type").orElse(null)),
                            null);
                },
                completions);
    }

    /** A request never sent: its URL is not one, or not one Dialtone may reach. */
    private static CompletableFuture<Outcome> refused(String url, long started, String why) {
        return CompletableFuture.completedFuture(
                new Outcome(url, 0, null, elapsed(started), why, DeliverySettings.Failure.REFUSED));
    }

    private static Outcome failed(String url, long started, Throwable e) {
        Throwable cause =
                e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause()
                        : e;
        DeliverySettings.Failure kind =
                cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                        ? DeliverySettings.Failure.CONNECT
                        : cause instanceof HttpTimeoutException
                                ? DeliverySettings.Failure.READ
                                : DeliverySettings.Failure.CONNECT;
        String message =
                (unresolved(cause) ? UNKNOWN_HOST : "")
                        + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Outcome(url, 0, null, elapsed(started), message, kind);
    }

    /** How the error of a request to a host that does not resolve starts. */
    static final String UNKNOWN_HOST = "Unknown host: ";

    private static boolean unresolved(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    static Duration connectTimeoutClass(Duration connectTimeout) {
        return CONNECT_TIMEOUTS.stream()
                .filter(t -> t.compareTo(connectTimeout) >= 0)
                .findFirst()
                .orElse(CONNECT_TIMEOUTS.get(CONNECT_TIMEOUTS.size() - 1));
    }

    private HttpClient client(Duration connectTimeout) {
        return clientsByConnectTimeout.computeIfAbsent(
                connectTimeoutClass(connectTimeout),
                timeout ->
                        HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(timeout)
                                .followRedirects(HttpClient.Redirect.NEVER)
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
