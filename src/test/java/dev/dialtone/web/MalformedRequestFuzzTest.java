package dev.dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.RawHttp;
import dev.dialtone.support.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of malformed requests from a fixed seed: none may answer 5xx, every error must have
 * Twilio's shape, and no call stored before may change unless a request was accepted (2xx) for it.
 * Set {@code -Dfuzz.seed} to replay another run.
 */
class MalformedRequestFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String[] METHODS = {
        "GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "FOO", "get"
    };
    private static final String[] SUFFIXES = {
        "",
        ".json",
        ".xml",
        ".csv",
        ".JSON",
        ".json.json",
        ".",
        ".js%6Fn",
        ";jsessionid=1",
        "/",
        "//",
        "%2e%2e",
        ".txt",
        ".json;x=y",
        "%2Ejson",
        "%2ejson;a",
        ";a.json",
        ".json%3Bx"
    };
    private static final String[] CONTENT_TYPES = {
        "application/x-www-form-urlencoded",
        "application/json",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "text/plain",
        "application/x-www-form-urlencoded; charset=klingon",
        "x/y",
        "",
        "application/xml",
        "application/x-www-form-urlencoded; charset=UTF-16"
    };
    private static final String[] FIELDS = {
        "To",
        "From",
        "Url",
        "Twiml",
        "Method",
        "Timeout",
        "StatusCallback",
        "StatusCallbackEvent",
        "StatusCallbackMethod",
        "FallbackUrl",
        "ApplicationSid",
        "SendDigits",
        "Record",
        "MachineDetection",
        "TimeLimit",
        "Byoc",
        "Status",
        "PageSize",
        "Page",
        "PageToken",
        "StartTime<",
        "EndTime>",
        "ParentCallSid",
        "CallerId",
        "AsyncAmd",
        "Trim",
        "Unknown"
    };
    private static final String[] VALUES = {
        "",
        "+14155550100",
        "+15005550006",
        "http://a.test/",
        "abc",
        "-1",
        "0",
        "99999999999999999999",
        "1e9",
        "3.5",
        "true",
        "null",
        "%",
        "%zz",
        "%E0%A4%A",
        "%00",
        "\u00e9\u4e2d\ud83d\ude00",
        "<Response><Hangup/></Response>",
        "completed",
        "canceled",
        "initiated ringing",
        "PA",
        "CA",
        "2024-13-45",
        "' OR 1=1 --",
        "sip:",
        "client:",
        "GET",
        "Enable",
        "AP00000000000000000000000000000000"
    };

    @Test
    void survivesMalformedRequestsWithoutChangingStoredCalls() throws Exception {
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stored.add(createCall(uniqueNumber()).getString("sid"));
        }
        asOne().formParam("Status", "canceled")
                .post(callJson(stored.get(0)))
                .then()
                .statusCode(200);
        Map<String, String> expected = snapshot(stored);

        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            byte[] request = request(random, stored);
            RawHttp.Answer answer;
            try {
                answer = RawHttp.exchange(port, request);
            } catch (Exception e) {
                failures.add(
                        "#" + i + " no answer (" + e.getMessage() + ") to: " + printable(request));
                continue;
            }
            String problem = problem(answer, request);
            if (problem != null) {
                failures.add(
                        "#"
                                + i
                                + " "
                                + problem
                                + "\n  request: "
                                + printable(request)
                                + "\n  answer: "
                                + answer.status()
                                + " "
                                + answer.body());
            }
            if (answer.status() < 300) {
                acceptedChanges(request, stored, expected);
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(snapshot(stored)).isEqualTo(expected);
    }

    private static String problem(RawHttp.Answer answer, byte[] request) {
        if (answer.status() >= 500) {
            return "server error " + answer.status();
        }
        boolean head = new String(request, 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD ");
        if (answer.status() < 400 || head) {
            return null;
        }
        String type = answer.header("content-type");
        String body = answer.body();
        if (type == null) {
            return "error without a content type";
        }
        if (asksForJson(request) && !type.startsWith("application/json")) {
            return "a path ending in .json answered " + type;
        }
        if (type.startsWith("application/json")) {
            JsonNode error = JSON.readTree(body);
            if (!error.path("code").isInt()
                    || !error.path("message").isString()
                    || !error.path("status").isInt()
                    || !error.path("more_info")
                            .asString("")
                            .equals(
                                    "https://www.twilio.com/docs/errors/"
                                            + error.path("code").asInt())
                    || error.path("status").asInt() != answer.status()
                    || error.size() != 4) {
                return "error not in Twilio's JSON shape";
            }
            return null;
        }
        if (type.startsWith("application/xml")) {
            if (!body.matches(
                    "(?s)<\\?xml[^>]*>\\s*<TwilioResponse><RestException><Code>\\d+</Code><Message>[^<]*</Message>"
                            + "<MoreInfo>https://www\\.twilio\\.com/docs/errors/\\d+</MoreInfo><Status>"
                            + answer.status()
                            + "</Status></RestException></TwilioResponse>")) {
                return "error not in Twilio's XML shape";
            }
            return null;
        }
        return "error of type " + type;
    }

    /**
     * Whether the path's last segment, read as routing reads it (decoded, without ;parameters),
     * ends in .json.
     */
    private static boolean asksForJson(byte[] request) {
        String line =
                new String(request, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            return false;
        }
        String path = parts[1].split("\\?")[0];
        String last = path.substring(path.lastIndexOf('/') + 1);
        int matrix = last.indexOf(';');
        last = matrix < 0 ? last : last.substring(0, matrix);
        try {
            return java.net.URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8)
                    .endsWith(".json");
        } catch (IllegalArgumentException badEscape) {
            return false;
        }
    }

    /**
     * A request Dialtone accepted may rightly change the call it names: that becomes the new
     * expectation.
     */
    private void acceptedChanges(
            byte[] request, List<String> stored, Map<String, String> expected) {
        String line =
                new String(request, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        for (String sid : stored) {
            if (line.contains(sid) && expected.containsKey(sid)) {
                expected.put(sid, fetch(sid));
            }
        }
    }

    private Map<String, String> snapshot(List<String> sids) {
        Map<String, String> calls = new LinkedHashMap<>();
        for (String sid : sids) {
            calls.put(sid, fetch(sid));
        }
        return calls;
    }

    /** The call's JSON, or null once it has been deleted. */
    private static String fetch(String sid) {
        var response = asOne().get(callJson(sid));
        return response.statusCode() == 404
                ? null
                : response.then().statusCode(200).extract().asString();
    }

    private static byte[] request(Random random, List<String> stored) {
        String method = pick(random, METHODS);
        String account = random.nextInt(10) == 0 ? TestAccounts.TWO : TestAccounts.ONE;
        StringBuilder path = new StringBuilder();
        switch (random.nextInt(8)) {
            case 0 ->
                    path.append(
                            pick(
                                    random,
                                    new String[] {
                                        "/",
                                        "/2010-04-01",
                                        "/2010-04-01/Accounts",
                                        "/nothing",
                                        "/2010-04-01/Accounts/" + account + ".json",
                                        "/error",
                                        "/actuator/nothing",
                                        "/%",
                                        "/a%zzb",
                                        "/..;/x",
                                        "/%2F"
                                    }));
            case 1, 2 ->
                    path.append("/2010-04-01/Accounts/")
                            .append(account)
                            .append("/Calls")
                            .append(pick(random, SUFFIXES));
            default -> {
                path.append("/2010-04-01/Accounts/")
                        .append(random.nextInt(12) == 0 ? "ACnothex" : account)
                        .append("/Calls/");
                path.append(sid(random, stored)).append(pick(random, SUFFIXES));
            }
        }
        if (random.nextBoolean()) {
            path.append('?').append(form(random));
        }
        String target = path.toString();
        if (random.nextInt(15) == 0) {
            target = target.replace("/Calls", "/Ca lls"); // a space splits the request line
        }
        byte[] body = random.nextInt(3) == 0 ? new byte[0] : body(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        String auth = auth(random, account);
        if (auth != null) {
            head.append("Authorization: ").append(auth).append("\r\n");
        }
        String type = pick(random, CONTENT_TYPES);
        if (!type.isEmpty()) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (random.nextInt(8) == 0) {
            // Chunked framing, now and then broken: a bad size, a short chunk, no last chunk.
            head.append("Transfer-Encoding: chunked\r\n");
            body = chunked(random, body);
        } else {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (random.nextInt(20) == 0) {
            head.append("Accept: image/png\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** SIDs that exist (only with requests that cannot change them), and ones that never could. */
    private static String sid(Random random, List<String> stored) {
        return switch (random.nextInt(7)) {
            case 0 -> stored.get(random.nextInt(stored.size()));
            case 1 -> "CA" + "0123456789abcdef".repeat(2);
            case 2 -> "CA" + "x".repeat(random.nextInt(40));
            case 3 -> "";
            case 4 -> "CA" + "9".repeat(random.nextInt(3000));
            case 5 -> "%00%ff%C3%28";
            default -> "..";
        };
    }

    private static String auth(Random random, String account) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 ->
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (account + ":wrong").getBytes(StandardCharsets.UTF_8));
            case 2 -> "Basic %%%notbase64";
            case 3 -> "Bearer " + account;
            default ->
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (TestAccounts.ONE + ":" + TestAccounts.ONE_TOKEN)
                                                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private static String form(Random random) {
        StringBuilder form = new StringBuilder();
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                form.append('&');
            }
            String name = pick(random, FIELDS);
            String value =
                    random.nextInt(25) == 0
                            ? "x".repeat(random.nextInt(100_000))
                            : pick(random, VALUES);
            form.append(name.replace("<", "%3C").replace(">", "%3E"))
                    .append('=')
                    .append(value.replace("&", "%26").replace(" ", "+"));
        }
        return form.toString();
    }

    private static byte[] body(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(2000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 ->
                    "{\"To\": \"+14155550100\", \"From\": [1,2]}".getBytes(StandardCharsets.UTF_8);
            case 2 ->
                    "--xyz\r\nContent-Disposition: form-data; name=\"To\"\r\n\r\n+1415\r\n--xy"
                            .getBytes(StandardCharsets.UTF_8);
            default -> form(random).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] chunked(Random random, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String size =
                switch (random.nextInt(5)) {
                    case 0 -> "zz";
                    case 1 -> Integer.toHexString(body.length + 10);
                    case 2 -> "-1";
                    default -> Integer.toHexString(body.length);
                };
        out.writeBytes(
                (size + (random.nextBoolean() ? ";ext=1" : "") + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.writeBytes(
                (random.nextInt(4) == 0 ? "" : "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String printable(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return (text.length() > 400 ? text.substring(0, 400) + "…" : text).replace("\r\n", "⏎ ");
    }
}
