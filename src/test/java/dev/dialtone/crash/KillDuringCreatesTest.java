package dev.dialtone.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.DialtoneProcess;
import dev.dialtone.support.StandaloneDialtone;
import dev.dialtone.support.WebhookReceiver;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 means the call is on disk: Dialtone, a process of its own on its default database (H2 files
 * under its working directory, or PostgreSQL when SPRING_DATASOURCE_URL names it), is killed with
 * SIGKILL while several threads create calls, then started again on the same files. Every call it
 * acknowledged must be there, and must end with its final status callback.
 */
class KillDuringCreatesTest {

    private static final int THREADS = 16;
    private static final int KILL_AFTER = 500;
    private static final Pattern SID = Pattern.compile("\"sid\":\"(CA[0-9a-f]{32})\"");

    @TempDir Path workDir;

    @Test
    void everyAcknowledgedCallSurvivesAKillAndEnds() throws Exception {
        try (StandaloneDialtone.Database database = StandaloneDialtone.Database.inFile(workDir);
                WebhookReceiver receiver = new WebhookReceiver()) {
            // On H2 the process keeps its default database settings; PostgreSQL gets a
            // schema of its own.
            List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=fast"));
            if (System.getenv("SPRING_DATASOURCE_URL") != null) {
                arguments.addAll(database.arguments());
            }
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            try (DialtoneProcess first = DialtoneProcess.start(workDir, arguments)) {
                ExecutorService clients = Executors.newFixedThreadPool(THREADS);
                Instant loadEnds = Instant.now().plusSeconds(60);
                HttpClient http =
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    clients.submit(
                            () -> {
                                for (int i = 0; Instant.now().isBefore(loadEnds); i++) {
                                    try {
                                        String sid = create(http, first, receiver, thread, i);
                                        if (sid != null) {
                                            acknowledged.add(sid);
                                        } else {
                                            refused.incrementAndGet();
                                        }
                                    } catch (Exception killed) {
                                        return;
                                    }
                                }
                            });
                }
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> acknowledged.size() >= KILL_AFTER);
                first.kill();
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            Set<String> acked = Set.copyOf(acknowledged);
            try (DialtoneProcess second = DialtoneProcess.start(workDir, arguments)) {
                HttpClient http = HttpClient.newHttpClient();
                List<String> lost = new ArrayList<>();
                for (String sid : acked) {
                    HttpResponse<String> fetched =
                            http.send(
                                    second.request("Calls/" + sid + ".json").GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                    if (fetched.statusCode() != 200) {
                        lost.add(sid);
                    }
                }
                System.out.printf(
                        "kill -9 under %d threads: %d calls acknowledged, %d lost, %d refused%n",
                        THREADS, acked.size(), lost.size(), refused.get());
                assertThat(lost).as("acknowledged calls missing after the restart").isEmpty();
                assertThat(refused.get()).isZero();
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> completedCallbacks(receiver).containsAll(acked));
            }
        }
    }

    /**
     * A call that ends at once, with its final callback to the receiver; its SID once it was
     * acknowledged.
     */
    private static String create(
            HttpClient http, DialtoneProcess dialtone, WebhookReceiver receiver, int thread, int i)
            throws Exception {
        String form =
                "To="
                        + enc(String.format("+1415%03d%04d", 200 + thread, i % 10_000))
                        + "&From="
                        + enc("+15005550006")
                        + "&Twiml="
                        + enc("<Response><Hangup/></Response>")
                        + "&StatusCallback="
                        + enc(receiver.url("/done"));
        HttpResponse<String> response =
                http.send(
                        dialtone.request("Calls.json")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            return null;
        }
        Matcher sid = SID.matcher(response.body());
        return sid.find() ? sid.group(1) : null;
    }

    private static Set<String> completedCallbacks(WebhookReceiver receiver) {
        return receiver
                .requests(
                        r ->
                                r.path().equals("/done")
                                        && "completed".equals(r.parameter("CallStatus")))
                .stream()
                .map(r -> r.parameter("CallSid"))
                .collect(Collectors.toSet());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
