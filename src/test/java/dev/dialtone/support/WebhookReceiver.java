package dev.dialtone.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP server standing in for the user's application: it answers each path as told (TwiML,
 * an error, no answer until released) and keeps every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    static {
        // Without it the JDK's server delays small answers by the ACK timer (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as received: the URL as Dialtone requested it, its headers and its parameters. */
    public record Received(
            String method,
            String url,
            String path,
            Map<String, String> headers,
            Map<String, String> parameters,
            Map<String, String> formParameters) {
        public String parameter(String name) {
            return parameters.get(name);
        }

        public String signature() {
            return headers.get("x-twilio-signature");
        }
    }

    private record Answer(int status, String body, CountDownLatch gate, String location) {
        Answer(int status, String body, CountDownLatch gate) {
            this(status, body, gate, null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * Answers requests to {@code path} with {@code status} and {@code body}; 200 with an empty body
     * otherwise.
     */
    public WebhookReceiver answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body, null));
        return this;
    }

    /** Holds every request to {@code path} unanswered until the latch is released. */
    public WebhookReceiver answerWhenReleased(String path, CountDownLatch gate) {
        answers.put(path, new Answer(200, "", gate));
        return this;
    }

    /** Holds every request to {@code path} until the latch is released, then answers this TwiML. */
    public WebhookReceiver twimlWhenReleased(String path, String twiml, CountDownLatch gate) {
        answers.put(path, new Answer(200, twiml, gate));
        return this;
    }

    /** Answers requests to {@code path} with a redirect to {@code location}. */
    public WebhookReceiver redirect(String path, int status, String location) {
        answers.put(path, new Answer(status, "", null, location));
        return this;
    }

    public WebhookReceiver twiml(String path, String twiml) {
        return answer(path, 200, twiml);
    }

    public List<Received> requests(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Whether each of these calls has made at least one request to {@code path}. */
    public boolean gotRequestsFromAll(Collection<String> callSids, String path) {
        return callSids.stream().allMatch(sid -> !requests(sid, path).isEmpty());
    }

    /** The requests made for one call to one path, in the order they arrived. */
    public List<Received> requests(String callSid, String path) {
        return requests(r -> callSid.equals(r.parameter("CallSid")) && r.path().equals(path));
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = FormBodies.decode(body);
        Map<String, String> parameters = new LinkedHashMap<>(FormBodies.decode(uri.getRawQuery()));
        parameters.putAll(form);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String url =
                "http://127.0.0.1:"
                        + server.getAddress().getPort()
                        + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        received.add(
                new Received(
                        exchange.getRequestMethod(),
                        url,
                        uri.getPath(),
                        headers,
                        parameters,
                        form));
        Answer answer = answers.getOrDefault(uri.getPath(), new Answer(200, "", null));
        if (answer.gate() != null) {
            try {
                answer.gate().await(); // the stuck receiver itself, not a test waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
