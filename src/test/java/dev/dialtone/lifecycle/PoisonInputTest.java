package dev.dialtone.lifecycle;

import static dev.dialtone.support.ApiTest.callJson;
import static dev.dialtone.support.ApiTest.callsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.StandaloneDialtone;
import dev.dialtone.support.WebhookReceiver;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calls whose values are long, odd or hostile must end, each on its own, while ordinary calls of
 * every account keep completing beside them: no value may halt the lifecycle. At speed 100, so
 * every duration a document names is scaled.
 */
class PoisonInputTest {

    private static final long SEED = Long.getLong("poison.seed", 20261201L);
    private static final int GENERATED = Integer.getInteger("poison.count", 60);
    private static final Set<String> ENDED =
            Set.of("completed", "busy", "no-answer", "failed", "canceled");

    @Test
    void poisonCallsEndAndHealthyOnesCompleteBesideThem() throws Exception {
        try (StandaloneDialtone.Database database = StandaloneDialtone.Database.inMemory();
                WebhookReceiver receiver = new WebhookReceiver();
                StandaloneDialtone dialtone =
                        StandaloneDialtone.start(
                                database, List.of("--dialtone.simulation.speed=100"), "fast")) {
            String callback = receiver.url("/status");
            List<String> poison = new ArrayList<>();
            String cjk = "sip:" + "中".repeat(240) + "@a.b";
            poison.add(
                    create(
                            dialtone,
                            Map.of(
                                    "To",
                                    cjk,
                                    "From",
                                    cjk,
                                    "Twiml",
                                    "<Response><Pause length=\"1\"/></Response>",
                                    "StatusCallback",
                                    callback,
                                    "StatusCallbackEvent",
                                    "initiated ringing answered completed")));
            poison.add(
                    create(
                            dialtone,
                            Map.of(
                                    "To",
                                    "+14155550101",
                                    "From",
                                    "+15005550006",
                                    "Twiml",
                                    "<Response>"
                                            + "<Pause length=\"2147483647\"/>".repeat(5)
                                            + "</Response>",
                                    "StatusCallback",
                                    callback)));
            Random random = new Random(SEED);
            for (int i = 0; i < GENERATED; i++) {
                String sid = create(dialtone, oddCall(random, callback));
                if (sid != null) {
                    poison.add(sid);
                }
            }
            assertThat(poison.get(0)).isNotNull();
            assertThat(poison.get(1)).isNotNull();

            List<String> healthy = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                healthy.add(
                        create(
                                dialtone,
                                Map.of(
                                        "To",
                                        "+1415555" + String.format("%04d", i),
                                        "From",
                                        "+15005550006",
                                        "Twiml",
                                        "<Response><Say>hello</Say></Response>",
                                        "StatusCallback",
                                        callback)));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    healthy.stream()
                                            .allMatch(
                                                    sid ->
                                                            "completed"
                                                                    .equals(dialtone.status(sid))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.gotRequestsFromAll(healthy, "/status"));
            // The CJK call is one like any other: it ends with its four callbacks,
            // and can be deleted.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.requests(poison.get(0), "/status").size() == 4);
            // Every poison call ends in time too: the five-fold longest pause is cut
            // by the talk time.
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    poison.stream()
                                            .allMatch(sid -> ENDED.contains(dialtone.status(sid))));
            dialtone.asOne().delete(callJson(poison.get(0))).then().statusCode(204);
        }
    }

    /**
     * A create with some of its values long, unicode-heavy or strange; the API may refuse it (4xx),
     * never fail.
     */
    private static Map<String, String> oddCall(Random random, String callback) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(
                "To",
                pick(
                        random,
                        "+14155550199",
                        "sip:" + odd(random, 200) + "@example.com",
                        "client:" + "x".repeat(121),
                        "sip:a@" + "b".repeat(240) + ".com",
                        "+" + "9".repeat(15)));
        form.put(
                "From",
                pick(random, "+15005550006", "client:caller", "sip:" + odd(random, 240) + "@c.d"));
        form.put(
                "StatusCallback", callback + "?" + "q=" + "%E4%B8%AD".repeat(random.nextInt(1200)));
        form.put("StatusCallbackEvent", "initiated ringing answered completed");
        form.put("CallReason", odd(random, random.nextInt(300)));
        form.put("CallerId", pick(random, "+15005550006", "client:" + "y".repeat(121)));
        form.put("Twiml", twiml(random));
        if (random.nextBoolean()) {
            form.put("TimeLimit", pick(random, "1", "86400", "2147483647", "-5"));
        }
        if (random.nextBoolean()) {
            form.put("Timeout", pick(random, "1", "600", "601"));
        }
        return form;
    }

    private static String twiml(Random random) {
        return switch (random.nextInt(8)) {
            case 0 ->
                    "<Response><Say loop=\"2147483647\">" + odd(random, 2000) + "</Say></Response>";
            case 1 ->
                    "<Response><Play loop=\"0\">http://a.b/x.mp3</Play><Pause length=\"-1\"/></Response>";
            case 2 ->
                    "<Response>" + "<Gather>".repeat(100) + "</Gather>".repeat(100) + "</Response>";
            case 3 ->
                    "<Response><Redirect>http://a.b/" + "x".repeat(3900) + "</Redirect></Response>";
            case 4 -> "<Response><Pause length=\"99999999999999999999\"/><Hangup/></Response>";
            case 5 -> "<Response><Reject reason=\"" + odd(random, 500) + "\"/></Response>";
            case 6 -> "<Response><Unknown a=\"" + odd(random, 1000) + "\"/></Response>";
            default ->
                    "<Response>"
                            + "<Pause length=\"2147483647\"/>".repeat(random.nextInt(100))
                            + "</Response>";
        };
    }

    /**
     * Text from across the planes: CJK, emoji, combining marks, right-to-left, escapes that are
     * not.
     */
    private static String odd(Random random, int length) {
        String[] pieces = {
            "中",
            "\uD83D\uDE00",
            "e\u0301",
            "\u05D0",
            "%",
            "&amp;",
            "+",
            " ",
            "\u00A0",
            "\\",
            "\"",
            "'"
        };
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.substring(0, Math.max(0, Math.min(text.length(), length)))
                .replace("<", "")
                .replace(">", "");
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String create(StandaloneDialtone dialtone, Map<String, String> form) {
        var request = dialtone.asOne();
        form.forEach(request::formParam);
        Response response = request.post(callsJson());
        assertThat(response.statusCode())
                .as("create answered %s", response.asString())
                .isLessThan(500);
        return response.statusCode() == 201 ? response.path("sid") : null;
    }
}
