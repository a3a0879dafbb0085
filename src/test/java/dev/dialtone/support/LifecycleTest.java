package dev.dialtone.support;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Dialtone whose calls live fast ({@code application-fast.yml}), and a receiver for its webhooks.
 */
@ActiveProfiles("fast")
public abstract class LifecycleTest extends ApiTest {

    /** One receiver for every lifecycle test; each test uses paths of its own. */
    protected static final WebhookReceiver RECEIVER = new WebhookReceiver();

    protected static final Duration DEADLINE = Duration.ofSeconds(15);

    /** A path no other test uses. */
    protected static String path(String name) {
        return "/" + java.util.UUID.randomUUID() + "/" + name;
    }

    /** The call's requests to {@code path}, once there are {@code count}, by SequenceNumber. */
    protected static List<WebhookReceiver.Received> awaitRequests(
            String sid, String path, int count) {
        await().atMost(DEADLINE).until(() -> RECEIVER.requests(sid, path).size() >= count);
        return RECEIVER.requests(sid, path).stream()
                .sorted(
                        Comparator.comparingInt(
                                r ->
                                        Integer.parseInt(
                                                r.parameters()
                                                        .getOrDefault("SequenceNumber", "0"))))
                .toList();
    }

    /** The call, once it has reached {@code status}. */
    protected static JsonPath awaitStatus(String sid, String status) {
        await().atMost(DEADLINE)
                .until(
                        () ->
                                status.equals(
                                        asOne().get(callJson(sid))
                                                .then()
                                                .extract()
                                                .path("status")));
        return asOne().get(callJson(sid)).then().extract().jsonPath();
    }

    /**
     * Once {@code count} of the call's webhooks are delivered: a test that moves a stopped clock on
     * waits for this, since a jump past a request's lease would send it again.
     */
    protected static void awaitDelivered(String sid, int count) {
        await().atMost(DEADLINE)
                .until(
                        () ->
                                timeline(sid).getList("webhooks.state").stream()
                                                .filter("delivered"::equals)
                                                .count()
                                        >= count);
    }

    protected static JsonPath timeline(String sid) {
        return asOne().get("/dialtone/calls/" + sid + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Stops Dialtone's clock where it is: from here nothing moves until {@link #advance}, so a test
     * asserts exact times and waits for nothing.
     */
    protected static void stopClock() {
        asOne().formParam("Mode", "manual").post("/dialtone/clock").then().statusCode(200);
    }

    /**
     * Moves the stopped clock on by {@code by} ({@code 500ms}, {@code 5s}): when it returns, every
     * step due in that span has been applied, every TwiML fetched and every callback delivered.
     */
    protected static void advance(String by) {
        asOne().formParam("Advance", by).post("/dialtone/clock").then().statusCode(200);
    }

    /** A call as account one that runs the app's TwiML at {@code url}. */
    protected static String callWithUrl(String to, String url) {
        return asOne().formParam("To", to)
                .formParam("From", "+15005550006")
                .formParam("Url", url)
                .post(callsJson())
                .then()
                .statusCode(201)
                .extract()
                .path("sid");
    }

    /** The same, its {@code StatusCallback} at {@code statusUrl} hearing {@code events}. */
    protected static String callWithCallbacks(
            String to, String url, String statusUrl, String... events) {
        RequestSpecification request =
                asOne().formParam("To", to)
                        .formParam("From", "+15005550006")
                        .formParam("Url", url)
                        .formParam("StatusCallback", statusUrl);
        for (String event : events) {
            request.formParam("StatusCallbackEvent", event);
        }
        return request.post(callsJson()).then().statusCode(201).extract().path("sid");
    }

    /** A callee rule for {@code to}, with form fields given as name, value, name, value… */
    protected static void scenario(String to, String... fields) {
        RequestSpecification request = asOne().formParam("To", to);
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        request.post("/dialtone/scenarios").then().statusCode(201);
    }

    /**
     * Scenario rules live in the database every lifecycle test shares: each test removes the
     * account's rules when it is done.
     */
    @AfterEach
    void removeScenarios() {
        List<String> sids =
                asOne().get("/dialtone/scenarios")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("scenarios.sid");
        sids.forEach(s -> asOne().delete("/dialtone/scenarios/" + s).then().statusCode(204));
    }
}
