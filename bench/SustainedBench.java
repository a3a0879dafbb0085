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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sustained load: RATE new calls a second for SECONDS, each with inline TwiML and all four status
 * callbacks to a receiver in this process. Measures whether every call ends and every callback
 * arrives, Dialtone's scheduling lag (its metrics), the time from a callback's due step to its
 * arrival, and, in the same run, the webhook ceiling: this JDK HttpClient posting the same form
 * bodies to the same receiver as fast as it can.
 *
 * <p>Usage: java SustainedBench.java BASE_URL ACCOUNT_SID AUTH_TOKEN RATE SECONDS RING_MS
 */
public class SustainedBench {

    private static final Pattern SID = Pattern.compile("CallSid=(CA[0-9a-f]{32})");
    private static final Pattern STATUS = Pattern.compile("CallStatus=([a-z-]+)");
    private static final Pattern CREATED = Pattern.compile("\"sid\"\\s*:\\s*\"(CA[0-9a-f]{32})\"");

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String base = args[0];
        String sid = args[1];
        String auth = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        long ringNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[5]));
        int calls = rate * seconds;

        // When each call was asked for, and when its initiated and completed callbacks arrived.
        Map<String, Long> asked = new ConcurrentHashMap<>();
        Map<String, Long> initiated = new ConcurrentHashMap<>();
        Map<String, Long> completed = new ConcurrentHashMap<>();
        AtomicInteger callbacks = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        receiver.setExecutor(Executors.newFixedThreadPool(32));
        receiver.createContext("/status", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            callbacks.incrementAndGet();
            Matcher s = SID.matcher(body);
            Matcher st = STATUS.matcher(body);
            if (s.find() && st.find()) {
                if (st.group(1).equals("initiated")) {
                    initiated.put(s.group(1), now);
                } else if (st.group(1).equals("completed")) {
                    completed.put(s.group(1), now);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/ceiling", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String receiverBase = "http://127.0.0.1:" + receiver.getAddress().getPort();

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        Semaphore inFlight = new Semaphore(256);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        String form = "From=%2B15005550006&Twiml=" + URLEncoder.encode("<Response><Say>Hi</Say><Hangup/></Response>", StandardCharsets.UTF_8)
                + "&StatusCallback=" + URLEncoder.encode(receiverBase + "/status", StandardCharsets.UTF_8)
                + "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed";
        URI createUri = URI.create(base + "/2010-04-01/Accounts/" + sid + "/Calls.json");

        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        long behind = 0;
        for (int i = 0; i < calls; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > interval) {
                behind = Math.max(behind, -wait);
            }
            if (!inFlight.tryAcquire()) {
                inFlight.acquire();
            }
            long sent = System.nanoTime();
            String to = String.format("To=%%2B1415%07d", 2_000_000 + i);
            HttpRequest request = HttpRequest.newBuilder(createUri).header("Authorization", auth)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(to + "&" + form)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                Matcher m = e == null && r.statusCode() == 201 ? CREATED.matcher(r.body()) : null;
                if (m != null && m.find()) {
                    asked.put(m.group(1), sent);
                    created.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(256);
        long sentAll = System.nanoTime();
        long deadline = sentAll + Duration.ofMinutes(3).toNanos();
        while (callbacks.get() < created.get() * 4 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long done = System.nanoTime();

        // The initiated callback is due when the call is created (queue-delay 0); the completed one
        // once it has rung and said "Hi" (2 characters at 1 ms): its lateness is arrival − due.
        List<Long> initiatedLate = new ArrayList<>();
        List<Long> completedLate = new ArrayList<>();
        asked.forEach((call, at) -> {
            Long i = initiated.get(call);
            Long c = completed.get(call);
            if (i != null) {
                initiatedLate.add(i - at);
            }
            if (c != null) {
                completedLate.add(c - at - ringNanos - TimeUnit.MILLISECONDS.toNanos(2));
            }
        });

        // The webhook ceiling: the same bodies, posted as fast as 32 connections allow, for 5 s.
        String callbackBody = "AccountSid=" + sid + "&CallSid=CA00000000000000000000000000000000&CallStatus=in-progress"
                + "&CallbackSource=call-progress-events&Called=%2B14152000000&Caller=%2B15005550006&Direction=outbound-api"
                + "&From=%2B15005550006&SequenceNumber=2&Timestamp=Wed%2C+02+Dec+2026+07%3A00%3A00+%2B0000&To=%2B14152000000&ApiVersion=2010-04-01";
        URI ceilingUri = URI.create(receiverBase + "/ceiling");
        AtomicInteger posted = new AtomicInteger();
        Semaphore ceilingFlight = new Semaphore(32);
        long ceilingStart = System.nanoTime();
        long ceilingEnd = ceilingStart + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < ceilingEnd) {
            ceilingFlight.acquire();
            client.sendAsync(HttpRequest.newBuilder(ceilingUri).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(callbackBody)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e == null) {
                            posted.incrementAndGet();
                        }
                        ceilingFlight.release();
                    });
        }
        ceilingFlight.acquire(32);
        double ceiling = posted.get() / ((System.nanoTime() - ceilingStart) / 1e9);
        receiver.stop(0);

        double sendSeconds = (sentAll - start) / 1e9;
        double totalSeconds = (done - start) / 1e9;
        double deliveries = callbacks.get() / totalSeconds;
        System.out.printf("| calls asked | %d at %d/s for %d s (created %d, refused %d; pacing behind by at most %.0f ms) |%n",
                calls, rate, seconds, created.get(), refused.get(), behind / 1e6);
        System.out.printf("| creates sent in | %.2f s (%.0f/s) |%n", sendSeconds, created.get() / sendSeconds);
        System.out.printf("| all calls completed with all callbacks | %s after the first create (%d of %d callbacks, %d completed) |%n",
                callbacks.get() >= created.get() * 4 ? String.format("%.2f s", totalSeconds) : "NO", callbacks.get(), created.get() * 4, completed.size());
        System.out.printf("| callback due → arrived, initiated | p50 %.1f ms, p99 %.1f ms |%n", pct(initiatedLate, 50), pct(initiatedLate, 99));
        System.out.printf("| callback due → arrived, completed | p50 %.1f ms, p99 %.1f ms |%n", pct(completedLate, 50), pct(completedLate, 99));
        System.out.printf("| webhook deliveries | %.0f/s over the run |%n", deliveries);
        System.out.printf("| webhook ceiling (this JDK client → the same receiver, 32 connections) | %.0f/s; Dialtone at %.0f%% |%n",
                ceiling, 100 * deliveries / ceiling);
        for (String phi : List.of("0.5", "0.99")) {
            HttpResponse<String> metric = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/actuator/metrics/dialtone.lifecycle.lag.percentile?tag=phi:" + phi))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            Matcher value = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)").matcher(metric.body());
            System.out.printf("| scheduling lag p%s | %s ms |%n", phi.equals("0.5") ? "50" : "99",
                    value.find() ? String.format("%.1f", Double.parseDouble(value.group(1)) * 1000) : "n/a (" + metric.statusCode() + ")");
        }
        System.exit(0);
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
