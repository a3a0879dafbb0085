package dev.dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.RawHttp;
import dev.dialtone.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that once answered 500: each is the client's mistake, answered with a Twilio 400 and
 * stored nowhere.
 */
class HostileValuesTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"CallReason", "To", "SipAuthUsername", "From", "Url", "StatusCallback"})
    void aNulCharacterInAnyCreateParameterIsRefused(String name) {
        Map<String, String> values =
                new java.util.HashMap<>(
                        Map.of(
                                "To",
                                "sip:a@example.com",
                                "From",
                                "+15005550006",
                                "Url",
                                "http://a.test/twiml",
                                "StatusCallback",
                                "http://a.test/cb",
                                "CallReason",
                                "a",
                                "SipAuthUsername",
                                "a",
                                "SipAuthPassword",
                                "b"));
        values.put(name, name.equals("To") ? "sip:a\0b@example.com" : values.get(name) + "\0");
        var request = asOne();
        values.forEach(request::formParam);
        request.post(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422))
                .body("status", equalTo(400));
    }

    @Test
    void aNulCharacterInAQueryOrUpdateIsRefused() {
        asOne().queryParam("To", "a\0b")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Url", "http://a.test/\0")
                .post(callJson(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().get(callJson(sid)).then().statusCode(200).body("status", equalTo("queued"));
    }

    @Test
    void aPageTokenBeyondAnyCreationTimeIsInvalid() {
        String token = "PACA" + "0".repeat(32) + "-9223372036854775807";
        asOne().queryParam("PageToken", token)
                .queryParam("Page", "1")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21481));
    }

    @Test
    void datesBeyondTheYear9999AreRefused() {
        asOne().queryParam("StartTime", "+300000-01-01T00:00:00")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().queryParam("EndTime>", "-5000-01-01T00:00:00Z")
                .get(callsJson())
                .then()
                .statusCode(400);
    }

    @Test
    void aMalformedChunkedBodyIsABadRequest() throws Exception {
        String body = "zz\r\nTo=%2B14155550100\r\n0\r\n\r\n";
        RawHttp.Answer answer =
                RawHttp.exchange(
                        port,
                        ("POST "
                                        + callsJson()
                                        + " HTTP/1.1\r\nHost: localhost\r\n"
                                        + "Authorization: "
                                        + basic()
                                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                        + body)
                                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).startsWith("application/json");
    }

    @Test
    void theSuffixIsReadFromThePathAsRoutingReadsIt() throws Exception {
        String missing = calls(TestAccounts.ONE) + "/CA" + "0".repeat(32);
        for (String path :
                new String[] {
                    missing + ".json;x=y", missing + "%2Ejson", missing + "%2ejson;a=b"
                }) {
            RawHttp.Answer answer =
                    RawHttp.exchange(
                            port,
                            ("GET "
                                            + path
                                            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                                            + basic()
                                            + "\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.header("content-type")).as(path).startsWith("application/json");
        }
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (TestAccounts.ONE + ":" + TestAccounts.ONE_TOKEN)
                                        .getBytes(StandardCharsets.UTF_8));
    }
}
