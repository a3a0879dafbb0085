package dev.dialtone.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A whole Dialtone on a random port, driven over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000L);

    @LocalServerPort protected int port;

    @BeforeEach
    void pointRestAssuredAtServer() {
        RestAssured.port = port;
        RestAssured.config =
                RestAssuredConfig.config()
                        .encoderConfig(
                                EncoderConfig.encoderConfig()
                                        .appendDefaultContentCharsetToContentTypeIfUndefined(
                                                false));
    }

    protected static String calls(String account) {
        return "/2010-04-01/Accounts/" + account + "/Calls";
    }

    protected static String callsJson() {
        return calls(TestAccounts.ONE) + ".json";
    }

    protected static String callJson(String sid) {
        return calls(TestAccounts.ONE) + "/" + sid + ".json";
    }

    /** Requests as account one. */
    protected static RequestSpecification asOne() {
        return given().auth()
                .preemptive()
                .basic(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                .contentType(ContentType.URLENC);
    }

    /** A North American number no other test uses, so list filters see only this test's calls. */
    protected static String uniqueNumber() {
        // Exchange codes start with 2-9 in the North American plan.
        long n = 2_000_000L + NUMBERS.incrementAndGet() % 8_000_000L;
        return "+1415" + n;
    }

    /** Creates a call as account one and answers its JSON. */
    protected static JsonPath createCall(String to) {
        return asOne().formParam("To", to)
                .formParam("From", "+15005550006")
                .formParam("Url", "http://app.test/twiml")
                .post(callsJson())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}
