package dev.dialtone.support;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.test.context.TestPropertySource;

/** A Dialtone whose calls live fast: a whole call with its callbacks takes well under a second. */
@TestPropertySource(properties = {
    "dialtone.simulation.queue-delay=20ms",
    "dialtone.simulation.ring-time=50ms",
    "dialtone.simulation.talk-time=3s",
    "dialtone.simulation.say-time-per-character=1ms",
    "dialtone.simulation.play-time=50ms",
    "dialtone.simulation.unsimulated-verb-time=50ms",
    "dialtone.simulation.sweep-interval=200ms",
    "dialtone.simulation.twiml-lease=5s",
    "dialtone.webhooks.connect-timeout=1s",
    "dialtone.webhooks.read-timeout=1s",
    "dialtone.webhooks.retry-backoff=50ms",
    "dialtone.webhooks.sweep-interval=200ms",
})
public abstract class LifecycleTest extends ApiTest {

    /** One receiver for every lifecycle test; each test uses paths of its own. */
    protected static final WebhookReceiver RECEIVER = new WebhookReceiver();

    protected static final Duration DEADLINE = Duration.ofSeconds(15);

    /** A path no other test uses. */
    protected static String path(String name) {
        return "/" + java.util.UUID.randomUUID() + "/" + name;
    }

    /** The call's requests to {@code path}, once there are {@code count}, by SequenceNumber. */
    protected static List<WebhookReceiver.Received> awaitRequests(String sid, String path, int count) {
        await().atMost(DEADLINE).until(() -> RECEIVER.requests(sid, path).size() >= count);
        return RECEIVER.requests(sid, path).stream()
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.parameters().getOrDefault("SequenceNumber", "0"))))
                .toList();
    }

    /** The call, once it has reached {@code status}. */
    protected static JsonPath awaitStatus(String sid, String status) {
        await().atMost(DEADLINE).until(() -> status.equals(asOne().get(callJson(sid)).then().extract().path("status")));
        return asOne().get(callJson(sid)).then().extract().jsonPath();
    }

    protected static JsonPath timeline(String sid) {
        return asOne().get("/dialtone/calls/" + sid + "/timeline").then().statusCode(200).extract().jsonPath();
    }
}
