package dev.dialtone.calls;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * A create or update naming a target Dialtone must not reach is refused, by its own parameter's
 * code.
 */
class OutboundTargetsTest extends ApiTest {

    @Test
    void refusesLinkLocalAndMetadataTargetsAtCreate() {
        asOne().formParam("To", "+14155550100")
                .formParam("From", "+15005550006")
                .formParam("Url", "http://169.254.169.254/latest/meta-data")
                .post(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21205))
                .body("message", containsString("dialtone.outbound"));
        asOne().formParam("To", "+14155550100")
                .formParam("From", "+15005550006")
                .formParam("Url", "http://127.0.0.1:3000/twiml")
                .formParam("StatusCallback", "http://metadata.google.internal/cb")
                .post(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21609));
    }

    @Test
    void refusesThemOnUpdateAndLeavesTheCallAsItWas() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().formParam("Url", "http://[fd00:ec2::254]/x")
                .post(callJson(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo(21205));
        asOne().get(callJson(sid)).then().statusCode(200).body("status", equalTo("queued"));
    }
}
