package dev.dialtone.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.RawHttp;
import dev.dialtone.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Account two's credentials must never reach account one's calls, however the path is spelled:
 * matrix parameters, percent-escapes of any character, in any segment. Every spelling is also sent
 * with account one's credentials, so the test shows which spellings do reach the controllers.
 */
class PathSpellingIsolationTest extends ApiTest {

    private static final long SEED = Long.getLong("spelling.seed", 20261201L);
    private static final int SPELLINGS = Integer.getInteger("spelling.count", 400);

    private record Route(String method, String[] segments, String body) {}

    @Test
    void theSpellingsFoundInTheWildAreRefusedToAnotherAccount() throws Exception {
        String to = uniqueNumber();
        String sid = createCall(to).getString("sid");
        String one = TestAccounts.ONE;
        List<String> spellings =
                List.of(
                        "/2010-04-01/Accounts;x=1/" + one + "/Calls/" + sid + ".json",
                        "/2010-04-01/%41ccounts/" + one + "/Calls/" + sid + ".json",
                        "/%32010-04-01/Accounts/" + one + "/Calls/" + sid + ".json",
                        "/2010-04-01;a/Accounts/" + one + "/Calls/" + sid + ".json");
        for (String path : spellings) {
            assertThat(send("GET", path, null, TestAccounts.ONE, TestAccounts.ONE_TOKEN).status())
                    .as(path)
                    .isEqualTo(200);
            RawHttp.Answer answer =
                    send("GET", path, null, TestAccounts.TWO, TestAccounts.TWO_TOKEN);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).doesNotContain(sid);
            assertThat(
                            send(
                                            "POST",
                                            path,
                                            "TimeLimit=77",
                                            TestAccounts.TWO,
                                            TestAccounts.TWO_TOKEN)
                                    .status())
                    .as(path)
                    .isEqualTo(401);
            assertThat(
                            send("DELETE", path, null, TestAccounts.TWO, TestAccounts.TWO_TOKEN)
                                    .status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(
                        asOne().get(callJson(sid))
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("time_limit"))
                .isNull();
    }

    @Test
    void noGeneratedSpellingOfAnyRouteLetsAnotherAccountIn() throws Exception {
        String to = uniqueNumber();
        String live = createCall(to).getString("sid");
        String ended = createCall(to).getString("sid");
        asOne().formParam("Status", "canceled").post(callJson(ended)).then().statusCode(200);
        String[] list = {"2010-04-01", "Accounts", TestAccounts.ONE, "Calls.json"};
        List<Route> routes =
                List.of(
                        new Route("GET", list, null),
                        new Route(
                                "POST",
                                list,
                                "To="
                                        + enc(to)
                                        + "&From=%2B15005550006&Url=http%3A%2F%2Fa.test%2F"),
                        new Route("GET", call(live), null),
                        new Route("POST", call(live), "TimeLimit=77"),
                        new Route("POST", call(live), "Status=completed"),
                        new Route("DELETE", call(ended), null),
                        new Route(
                                "GET", new String[] {"dialtone", "calls", live, "timeline"}, null),
                        new Route(
                                "POST",
                                new String[] {"dialtone", "calls", live, "advance"},
                                "Action=ring"),
                        new Route(
                                "POST",
                                new String[] {"dialtone", "calls", live, "hold"},
                                "Status=ringing"));
        Map<String, String> before = snapshot(live, ended);
        int calls = countCalls(to);

        Random random = new Random(SEED);
        List<String> breaches = new ArrayList<>();
        int routedForOwner = 0;
        for (int i = 0; i < SPELLINGS; i++) {
            Route route = routes.get(random.nextInt(routes.size()));
            String path = spell(random, route.segments());
            RawHttp.Answer answer =
                    send(
                            route.method(),
                            path,
                            route.body(),
                            TestAccounts.TWO,
                            TestAccounts.TWO_TOKEN);
            // An error may echo the path it was given, SIDs included; a call's own fields
            // it must never show.
            if (answer.status() < 300 || answer.body().contains("to_formatted")) {
                breaches.add(route.method() + " " + path + " → " + answer.status());
            }
            if (send(route.method(), path, null, null, null).status() < 300) {
                breaches.add(route.method() + " " + path + " without credentials was accepted");
            }
            if (route.method().equals("GET")
                    && send("GET", path, null, TestAccounts.ONE, TestAccounts.ONE_TOKEN).status()
                            == 200) {
                routedForOwner++;
            }
        }
        assertThat(breaches).as("seed " + SEED).isEmpty();
        assertThat(snapshot(live, ended)).isEqualTo(before);
        assertThat(countCalls(to)).isEqualTo(calls);
        // The spellings must reach the controllers for the owner, or the test would prove nothing.
        assertThat(routedForOwner).isGreaterThan(SPELLINGS / 10);
    }

    private static String[] call(String sid) {
        return new String[] {"2010-04-01", "Accounts", TestAccounts.ONE, "Calls", sid + ".json"};
    }

    /** The path with some segments spelled differently: escaped characters, matrix parameters. */
    private static String spell(Random random, String[] segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/');
            StringBuilder spelled = new StringBuilder();
            boolean escapeSome = random.nextInt(3) == 0;
            for (char c : segment.toCharArray()) {
                if (escapeSome && random.nextInt(4) == 0) {
                    String hex = String.format("%02X", (int) c);
                    spelled.append('%').append(random.nextBoolean() ? hex : hex.toLowerCase());
                } else {
                    spelled.append(c);
                }
            }
            if (random.nextInt(4) == 0) {
                spelled.append(random.nextBoolean() ? ";x=1" : ";a");
            }
            path.append(spelled);
        }
        return path.toString();
    }

    private RawHttp.Answer send(String method, String path, String body, String user, String secret)
            throws Exception {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head =
                new StringBuilder(
                        method
                                + " "
                                + path
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (user != null) {
            head.append("Authorization: Basic ")
                    .append(
                            Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\n");
        }
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return RawHttp.exchange(port, request);
    }

    private static Map<String, String> snapshot(String... sids) {
        Map<String, String> calls = new LinkedHashMap<>();
        for (String sid : sids) {
            calls.put(sid, asOne().get(callJson(sid)).then().statusCode(200).extract().asString());
        }
        return calls;
    }

    private static int countCalls(String to) {
        return asOne().queryParam("To", to)
                .get(callsJson())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("calls")
                .size();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
