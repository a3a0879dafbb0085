package dev.dialtone.support;

import static io.restassured.RestAssured.given;

import com.twilio.http.TwilioRestClient;
import dev.dialtone.junit.DialtoneHttpClient;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** A whole Dialtone on a random port, driven over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = OwnSchema.class)
public abstract class ApiTest {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000L);

    @LocalServerPort protected int port;

    /** The context's clock: the system's unless a test stops it. */
    @Autowired protected ManualClock clock;

    @AfterEach
    void giveTheClockBack() {
        clock.runWithSystemTime();
    }

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

    public static String calls(String account) {
        return "/2010-04-01/Accounts/" + account + "/Calls";
    }

    public static String callsJson() {
        return calls(TestAccounts.ONE) + ".json";
    }

    public static String callJson(String sid) {
        return calls(TestAccounts.ONE) + "/" + sid + ".json";
    }

    /** Requests as account one. */
    /** twilio-java, as account one, pointed at this Dialtone. */
    protected TwilioRestClient sdk() {
        return new TwilioRestClient.Builder(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                .httpClient(new DialtoneHttpClient("http://localhost:" + port))
                .build();
    }

    protected static RequestSpecification asOne() {
        return as(TestAccounts.ONE, TestAccounts.ONE_TOKEN);
    }

    /** Requests as account two, which must never see account one's calls. */
    protected static RequestSpecification asTwo() {
        return as(TestAccounts.TWO, TestAccounts.TWO_TOKEN);
    }

    private static RequestSpecification as(String username, String password) {
        return given().auth()
                .preemptive()
                .basic(username, password)
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

    /**
     * Creates a call as account one whose TwiML keeps it talking (so answering it fetches nothing)
     * and answers its sid.
     */
    protected static String createTalkingCall(String to) {
        return asOne().formParam("To", to)
                .formParam("From", "+15005550006")
                .formParam("Twiml", "<Response><Pause length=\"3600\"/></Response>")
                .post(callsJson())
                .then()
                .statusCode(201)
                .extract()
                .path("sid");
    }

    /**
     * Moves a call on through the control API, as an operator would: {@code ring}, {@code answer}
     * (ringing it first when queued) or {@code hangup} with {@code Status}.
     */
    protected static JsonPath advance(String sid, String action, String... statusAndCode) {
        RequestSpecification request = asOne().formParam("Action", action);
        if (statusAndCode.length > 0) {
            request.formParam("Status", statusAndCode[0]);
        }
        if (statusAndCode.length > 1) {
            request.formParam("SipResponseCode", statusAndCode[1]);
        }
        return request.post("/dialtone/calls/" + sid + "/advance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
