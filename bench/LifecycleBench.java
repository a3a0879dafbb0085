import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates N calls in a burst against a running Dialtone (fast settings), with every status
 * callback sent to a receiver in this process, and measures: time until every call has
 * completed and every callback arrived, webhook deliveries per second, and Dialtone's own
 * scheduling lag (due → applied) percentiles from its metrics.
 *
 * Usage: java LifecycleBench.java BASE_URL ACCOUNT_SID AUTH_TOKEN CALLS
 */
public class LifecycleBench {

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String base = args[0];
        String sid = args[1];
        String auth = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int calls = Integer.parseInt(args[3]);
        boolean withCallbacks = args.length < 5 || !args[4].equals("--no-callbacks");

        AtomicInteger callbacks = new AtomicInteger();
        AtomicLong firstCallback = new AtomicLong();
        AtomicLong lastCallback = new AtomicLong();
        ConcurrentHashMap<String, Boolean> completed = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/status", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            firstCallback.compareAndSet(0, now);
            lastCallback.set(now);
            callbacks.incrementAndGet();
            if (body.contains("CallStatus=completed")) {
                Matcher m = Pattern.compile("CallSid=(CA[0-9a-f]{32})").matcher(body);
                if (m.find()) {
                    completed.put(m.group(1), true);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String statusUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/status";

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        Semaphore inFlight = new Semaphore(32);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        String form = "From=%2B15005550006&Twiml=" + URLEncoder.encode("<Response><Say>Hi</Say><Hangup/></Response>", StandardCharsets.UTF_8)
                + (withCallbacks ? "&StatusCallback=" + URLEncoder.encode(statusUrl, StandardCharsets.UTF_8)
                + "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed" : "");
        URI createUri = URI.create(base + "/2010-04-01/Accounts/" + sid + "/Calls.json");

        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            inFlight.acquire();
            String to = String.format("To=%%2B1415%07d", 2_000_000 + i);
            HttpRequest request = HttpRequest.newBuilder(createUri).header("Authorization", auth)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(to + "&" + form)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 201) {
                    created.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(32);
        long createdAt = System.nanoTime();
        long deadline = createdAt + Duration.ofMinutes(10).toNanos();
        while (withCallbacks && callbacks.get() < created.get() * 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long done = System.nanoTime();
        receiver.stop(0);

        double burstSeconds = (createdAt - start) / 1e9;
        double totalSeconds = (done - start) / 1e9;
        double deliverySeconds = (lastCallback.get() - firstCallback.get()) / 1e9;
        System.out.printf("calls=%d created=%d refused=%d%n", calls, created.get(), refused.get());
        System.out.printf("create burst: %.2f s (%.0f creates/s)%n", burstSeconds, created.get() / burstSeconds);
        System.out.printf("all completed with all callbacks: %.2f s after the first create (completed=%d, callbacks=%d of %d)%n",
                totalSeconds, completed.size(), callbacks.get(), created.get() * 4);
        System.out.printf("webhook deliveries: %.0f /s (%d over %.2f s)%n", callbacks.get() / deliverySeconds, callbacks.get(), deliverySeconds);
        for (String phi : List.of("0.5", "0.99")) {
            HttpResponse<String> metric = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/actuator/metrics/dialtone.lifecycle.lag.percentile?tag=phi:" + phi))
                    .header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)").matcher(metric.body());
            System.out.printf("scheduling lag p%s: %s ms%n", phi.substring(2).length() == 1 ? phi.substring(2) + "0" : phi.substring(2),
                    value.find() ? String.format("%.1f", Double.parseDouble(value.group(1)) * 1000) : "n/a (" + metric.statusCode() + ")");
        }
        HttpResponse<String> max = client.send(HttpRequest.newBuilder(
                URI.create(base + "/actuator/metrics/dialtone.lifecycle.lag")).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"statistic\"\\s*:\\s*\"MAX\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)").matcher(max.body());
        System.out.printf("scheduling lag max (last 2 min): %s ms%n", m.find() ? String.format("%.1f", Double.parseDouble(m.group(1)) * 1000) : "n/a");
        System.exit(0);
    }
}
