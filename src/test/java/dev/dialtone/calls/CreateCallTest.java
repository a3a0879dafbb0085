package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import dev.dialtone.web.WebhookMethod;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class CreateCallTest extends ApiTest {

    @Autowired CallStore calls;

    @Autowired JdbcTemplate jdbc;

    @Test
    void createsAQueuedOutboundCallWithEveryField() {
        String to = uniqueNumber();
        JsonPath call = createCall(to);
        String sid = call.getString("sid");

        assertThat(sid).matches("CA[0-9a-f]{32}");
        assertThat(call.getString("status")).isEqualTo("queued");
        assertThat(call.getString("direction")).isEqualTo("outbound-api");
        assertThat(call.getString("api_version")).isEqualTo("2010-04-01");
        assertThat(call.getString("account_sid")).isEqualTo(TestAccounts.ONE);
        assertThat(call.getString("to")).isEqualTo(to);
        assertThat(call.getString("to_formatted"))
                .isEqualTo("(415) " + to.substring(5, 8) + "-" + to.substring(8));
        assertThat(call.getString("from_formatted")).isEqualTo("(500) 555-0006");
        assertThat(call.getString("price_unit")).isEqualTo("USD");
        assertThat(call.get("queue_time").toString()).isEqualTo("0");
        assertThat(call.getString("date_created"))
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(call.getString("uri")).isEqualTo(calls(TestAccounts.ONE) + "/" + sid + ".json");
        Map<String, String> subresources = call.getMap("subresource_uris");
        assertThat(subresources)
                .containsOnlyKeys(
                        "notifications",
                        "recordings",
                        "payments",
                        "events",
                        "siprec",
                        "streams",
                        "transcriptions",
                        "user_defined_message_subscriptions",
                        "user_defined_messages");
        assertThat(subresources.get("user_defined_messages"))
                .isEqualTo(calls(TestAccounts.ONE) + "/" + sid + "/UserDefinedMessages.json");
        Map<String, Object> all = call.getMap("");
        assertThat(all)
                .containsEntry("start_time", null)
                .containsEntry("end_time", null)
                .containsEntry("duration", null)
                .containsEntry("price", null)
                .containsEntry("answered_by", null);
    }

    @Test
    void storesEveryParameterOfTheRequest() {
        String sid =
                asOne().formParam("To", "sip:alice@example.com")
                        .formParam("From", "+15005550006")
                        .formParam("Url", "https://app.test/voice?x=1")
                        .formParam("Method", "GET")
                        .formParam("FallbackUrl", "https://app.test/fallback")
                        .formParam("FallbackMethod", "GET")
                        .formParam("StatusCallback", "https://app.test/status")
                        .formParam("StatusCallbackMethod", "GET")
                        .formParam("StatusCallbackEvent", "initiated")
                        .formParam("StatusCallbackEvent", "ringing,answered completed")
                        .formParam("SendDigits", "1234#w")
                        .formParam("Timeout", "15")
                        .formParam("TimeLimit", "120")
                        .formParam("Record", "true")
                        .formParam("RecordingChannels", "dual")
                        .formParam("RecordingStatusCallback", "https://app.test/rec")
                        .formParam("RecordingStatusCallbackEvent", "in-progress completed")
                        .formParam("RecordingTrack", "inbound")
                        .formParam("Trim", "do-not-trim")
                        .formParam("SipAuthUsername", "alice")
                        .formParam("SipAuthPassword", "secret")
                        .formParam("CallerId", "+14155550100")
                        .formParam("Byoc", "BY00000000000000000000000000000000")
                        .formParam("CallReason", "testing")
                        .formParam("SomethingTwilioAddsLater", "ignored")
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");

        Call stored = calls.find(sid, TestAccounts.ONE).orElseThrow();
        assertThat(stored.to()).isEqualTo("sip:alice@example.com");
        assertThat(stored.toFormatted()).isEqualTo("sip:alice@example.com");
        assertThat(stored.url()).isEqualTo("https://app.test/voice?x=1");
        assertThat(stored.method()).isEqualTo(WebhookMethod.GET);
        assertThat(stored.fallbackUrl()).isEqualTo("https://app.test/fallback");
        assertThat(stored.fallbackMethod()).isEqualTo(WebhookMethod.GET);
        assertThat(stored.statusCallback()).isEqualTo("https://app.test/status");
        assertThat(stored.statusCallbackMethod()).isEqualTo(WebhookMethod.GET);
        assertThat(stored.statusCallbackEvents())
                .containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(stored.sendDigits()).isEqualTo("1234#w");
        assertThat(stored.timeout()).isEqualTo(15);
        assertThat(stored.timeLimit()).isEqualTo(120);
        assertThat(stored.record()).isTrue();
        assertThat(stored.recordingChannels()).isEqualTo("dual");
        assertThat(stored.recordingStatusCallback()).isEqualTo("https://app.test/rec");
        assertThat(stored.recordingTrack()).isEqualTo("inbound");
        assertThat(stored.trim()).isEqualTo("do-not-trim");
        assertThat(stored.sipAuthUsername()).isEqualTo("alice");
        assertThat(stored.callerId()).isEqualTo("+14155550100");
        assertThat(stored.byoc()).isEqualTo("BY00000000000000000000000000000000");
        assertThat(stored.callReason()).isEqualTo("testing");
    }

    @Test
    void defaultsAsTwilioDoes() {
        String sid = createCall(uniqueNumber()).getString("sid");
        Call stored = calls.find(sid, TestAccounts.ONE).orElseThrow();
        assertThat(stored.method()).isEqualTo(WebhookMethod.POST);
        assertThat(stored.statusCallbackMethod()).isEqualTo(WebhookMethod.POST);
        assertThat(stored.statusCallbackEvents()).containsExactly("completed");
        assertThat(stored.timeout()).isEqualTo(60);
        assertThat(stored.record()).isFalse();
    }

    @Test
    void ignoresTwimlWhenUrlIsAlsoGiven() {
        String sid =
                base().formParam("Url", "http://app.test/a")
                        .formParam("Twiml", "<Response><Hangup/></Response>")
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        Call stored = calls.find(sid, TestAccounts.ONE).orElseThrow();
        assertThat(stored.url()).isEqualTo("http://app.test/a");
        assertThat(stored.twiml()).isNull();
    }

    @Test
    void acceptsInlineTwimlInsteadOfUrlAndRefusesAnApplicationItDoesNotHave() {
        asOne().formParam("To", "client:alice")
                .formParam("From", "+15005550006")
                .formParam("Twiml", "<Response><Say>Hi</Say></Response>")
                .post(callsJson())
                .then()
                .statusCode(201)
                .body("to", equalTo("client:alice"));
        asOne().formParam("To", uniqueNumber())
                .formParam("From", "+15005550006")
                .formParam("ApplicationSid", "AP00000000000000000000000000000000")
                .formParam("StatusCallback", "http://ignored.test/cb")
                .post(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21218));
        asOne().formParam("To", uniqueNumber())
                .formParam("From", "client:alice")
                .formParam("Url", "http://a.test/")
                .post(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21212));
    }

    @Test
    void keepsNonNorthAmericanNumbersInE164() {
        asOne().formParam("To", "+442071838750")
                .formParam("From", "+15005550006")
                .formParam("Url", "http://a.test/")
                .post(callsJson())
                .then()
                .statusCode(201)
                .body("to_formatted", equalTo("+442071838750"));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                // Twilio's order of checks: To, then Url, then From.
                error("missing everything", Map.of(), 21201, "No 'To' number is specified"),
                error(
                        "missing To",
                        Map.of("From", "+15005550006", "Url", "http://a.test/"),
                        21201,
                        null),
                error(
                        "empty To",
                        Map.of("To", "", "From", "+15005550006", "Url", "http://a.test/"),
                        21201,
                        null),
                error(
                        "missing Url before From",
                        Map.of("To", "+14155550100"),
                        21205,
                        "Url parameter is required."),
                error(
                        "missing From",
                        Map.of("To", "+14155550100", "Url", "http://a.test/"),
                        21213,
                        "No 'From' number is specified"),
                error(
                        "malformed To",
                        with("To", "12345"),
                        21211,
                        "The phone number you are attempting to call, 12345, is not valid."),
                error("letters in To", with("To", "+1415CALLME"), 21211, null),
                error("bad sip To", with("To", "sip:nobody"), 21211, null),
                error(
                        "malformed From",
                        with("From", "abc"),
                        21212,
                        "From is not a valid phone number: abc"),
                error("sip From to a phone", with("From", "sip:a@b.test"), 21212, null),
                error("test From +15005550001", with("From", "+15005550001"), 21212, null),
                error("test To +15005550001", with("To", "+15005550001"), 21217, null),
                error("test To +15005550002", with("To", "+15005550002"), 21214, null),
                error("test To +15005550003", with("To", "+15005550003"), 21215, null),
                error("test To +15005550004", with("To", "+15005550004"), 21216, null),
                error(
                        "relative Url",
                        with("Url", "/twiml"),
                        21205,
                        "Url is not a valid URL: /twiml"),
                error("ftp Url", with("Url", "ftp://a.test/x"), 21205, null),
                error("spaces in Url", with("Url", "http://a test/"), 21205, null),
                error("bad FallbackUrl", with("FallbackUrl", "nope"), 21205, null),
                error("bad StatusCallback", with("StatusCallback", "nope"), 21609, null),
                error(
                        "underscore host StatusCallback",
                        with("StatusCallback", "http://my_host.test/cb"),
                        21609,
                        null),
                error(
                        "bad Method",
                        with("Method", "PUT"),
                        21209,
                        "Method must be either GET or POST, was PUT"),
                error("bad FallbackMethod", with("FallbackMethod", "DELETE"), 21209, null),
                error("bad StatusCallbackMethod", with("StatusCallbackMethod", "x"), 21209, null),
                error("Timeout zero", with("Timeout", "0"), 21208, null),
                error("Timeout too long", with("Timeout", "601"), 21208, null),
                error("Timeout not a number", with("Timeout", "ten"), 21208, null),
                error(
                        "Twiml too long",
                        Map.of(
                                "To",
                                "+14155550100",
                                "From",
                                "+15005550006",
                                "Twiml",
                                "<Response>" + "x".repeat(4000) + "</Response>"),
                        20422,
                        null),
                error(
                        "unknown StatusCallbackEvent",
                        with("StatusCallbackEvent", "answered hungup"),
                        21626,
                        null),
                error("unknown MachineDetection", with("MachineDetection", "Maybe"), 21234, null),
                error(
                        "MachineDetectionTimeout out of range",
                        with("MachineDetectionTimeout", "100"),
                        21234,
                        null),
                error("bad SendDigits", with("SendDigits", "12x"), 21206, null),
                error(
                        "bad ApplicationSid",
                        Map.of(
                                "To",
                                "+14155550100",
                                "From",
                                "+15005550006",
                                "ApplicationSid",
                                "AP1"),
                        21218,
                        null),
                error("bad Byoc", with("Byoc", "BYxyz"), 21300, null),
                error("bad Record", with("Record", "yes"), 20422, null),
                error("bad RecordingChannels", with("RecordingChannels", "stereo"), 20422, null),
                error(
                        "bad RecordingStatusCallbackEvent",
                        with("RecordingStatusCallbackEvent", "done"),
                        13621,
                        null),
                error("bad TimeLimit", with("TimeLimit", "-5"), 20422, null),
                error(
                        "SipAuthUsername without password",
                        with("SipAuthUsername", "alice"),
                        21225,
                        null),
                error("huge To", with("To", "+1" + "5".repeat(5000)), 21211, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void refusesInvalidRequestsWithTwiliosError(
            String name, Map<String, String> form, int code, String message) {
        RequestSpecification request = asOne();
        form.forEach(request::formParam);
        var body =
                request.post(callsJson())
                        .then()
                        .statusCode(400)
                        .body("code", equalTo(code))
                        .body("status", equalTo(400))
                        .body("more_info", equalTo("https://www.twilio.com/docs/errors/" + code));
        if (message != null) {
            body.body("message", equalTo(message));
        }
    }

    @Test
    void refusesWithoutStoringAnything() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM calls", Long.class);
        asOne().formParam("To", "+14155550100")
                .formParam("From", "+15005550006")
                .formParam("Url", "nope")
                .post(callsJson())
                .then()
                .statusCode(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calls", Long.class)).isEqualTo(before);
    }

    @Test
    void readsNoJsonBodyAsTwilioDoesNot() {
        asOne().contentType("application/json")
                .body("{\"To\":\"+14155550100\"}")
                .post(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21201))
                .body("message", matchesPattern(".*'To'.*"))
                .body("detail", nullValue());
    }

    private static RequestSpecification base() {
        return asOne().formParam("To", "+14155550100").formParam("From", "+15005550006");
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> form =
                new LinkedHashMap<>(
                        Map.of(
                                "To",
                                "+14155550100",
                                "From",
                                "+15005550006",
                                "Url",
                                "http://a.test/"));
        form.put(name, value);
        return form;
    }

    private static Arguments error(
            String name, Map<String, String> form, int code, String message) {
        return Arguments.of(name, form, code, message);
    }
}
