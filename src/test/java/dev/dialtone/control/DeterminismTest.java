package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.support.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the manual clock a call is a function of its scenario: the same TwiML, callee and start time
 * give the same flow, at the same times, and the same requests and callbacks, every time.
 */
class DeterminismTest extends LifecycleTest {

    private static final int RUNS = 1_000;

    /** Runs started together, at the same instant, then played out by one advance. */
    private static final int AT_ONCE = 25;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUTHORIZATION =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (TestAccounts.ONE + ":" + TestAccounts.ONE_TOKEN)
                                            .getBytes(StandardCharsets.UTF_8));

    private static final Instant START = Instant.parse("2026-07-01T09:00:00Z");

    @Test
    void oneScenarioRunAThousandTimesPlaysOutIdentically() {
        String to = uniqueNumber();
        scenario(to, "RingTime", "2s", "Digits", "2", "InputDelay", "1500ms");
        String menu = path("menu");
        String route = path("route");
        String status = path("status");
        RECEIVER.twiml(
                menu,
                "<Response><Say>Hello</Say><Gather numDigits=\"1\" action=\""
                        + RECEIVER.url(route)
                        + "\"><Say>Press 1 for sales, 2 for support</Say></Gather></Response>");
        RECEIVER.twiml(
                route,
                "<Response><Play loop=\"2\">https://a.example/tone.wav</Play><Hangup/></Response>");

        String first = null;
        for (int run = 0; run < RUNS; run += AT_ONCE) {
            clock.stopAt(START);
            List<String> sids = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                sids.add(
                        (String)
                                send(
                                                "POST",
                                                callsJson(),
                                                Map.of(
                                                        "To",
                                                        to,
                                                        "From",
                                                        "+15005550006",
                                                        "Url",
                                                        RECEIVER.url(menu),
                                                        "StatusCallback",
                                                        RECEIVER.url(status),
                                                        "StatusCallbackEvent",
                                                        "initiated ringing answered completed"))
                                        .get("sid"));
            }
            asOne().formParam("Advance", "1m").post("/dialtone/clock").then().statusCode(200);
            for (int i = 0; i < sids.size(); i++) {
                String played = played(sids.get(i), status);
                if (first == null) {
                    first = played;
                    assertThat(first)
                            .contains(
                                    "\"status\":\"completed\"",
                                    "09:00:03.525Z twiml POST",
                                    "Digits=2",
                                    "CallStatus=completed");
                } else {
                    assertThat(played).as("run %d of %d", run + i + 1, RUNS).isEqualTo(first);
                }
            }
        }
    }

    /**
     * Everything observable about the call, its SID taken out: the call as the API shows it, its
     * flow with times, the requests Dialtone made and the callbacks the app received.
     */
    @SuppressWarnings("unchecked")
    private String played(String sid, String statusPath) {
        Map<String, Object> timeline =
                send("GET", "/dialtone/calls/" + sid + "/timeline", Map.of());
        Map<String, Object> call = new TreeMap<>((Map<String, Object>) timeline.get("call"));
        call.remove("subresource_uris");
        List<String> parts = new ArrayList<>();
        parts.add(toJson(call));
        for (Map<String, Object> step : (List<Map<String, Object>>) timeline.get("flow")) {
            parts.add(step.get("at") + " " + step.get("event") + " " + step.get("detail"));
        }
        // A callback and a TwiML fetch due at the same instant are made side by side, so the
        // journal's order between them is not the call's: the comparison sorts them by time first.
        List<String> made = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) timeline.get("requests")) {
            made.add(
                    r.get("requested_at")
                            + " "
                            + r.get("kind")
                            + " "
                            + r.get("method")
                            + " "
                            + r.get("url")
                            + " "
                            + r.get("status_code")
                            + " "
                            + new TreeMap<>((Map<?, ?>) r.get("parameters")));
        }
        made.stream().sorted().forEach(parts::add);
        RECEIVER.requests(sid, statusPath).stream()
                .sorted(
                        Comparator.comparingInt(
                                r -> Integer.parseInt(r.parameter("SequenceNumber"))))
                .map(WebhookReceiver.Received::parameters)
                .map(p -> "received " + new TreeMap<>(p))
                .forEach(parts::add);
        return String.join("\n", parts).replace(sid, "CA…");
    }

    /**
     * A request as account one, read with the JDK's client and Jackson: a thousand runs read this
     * many times, and RestAssured's Groovy paths would take most of the test's time.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String method, String path, Map<String, String> form) {
        String body =
                form.entrySet().stream()
                        .map(
                                e ->
                                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                                + "="
                                                + URLEncoder.encode(
                                                        e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", AUTHORIZATION)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(
                                method,
                                method.equals("GET")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isLessThan(300);
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Map<String, Object> call) {
        StringBuilder out = new StringBuilder("{");
        call.forEach((k, v) -> out.append('"').append(k).append("\":\"").append(v).append("\","));
        return out.append('}').toString();
    }
}
