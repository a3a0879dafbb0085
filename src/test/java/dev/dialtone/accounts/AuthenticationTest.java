package dev.dialtone.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends ApiTest {

    @Test
    void refusesARequestWithoutCredentials() {
        given().get(callsJson())
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Twilio API\"")
                .body("code", equalTo(20003))
                .body("message", equalTo("Authenticate"))
                .body("status", equalTo(401))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20003"));
    }

    @Test
    void refusesAWrongToken() {
        given().auth()
                .preemptive()
                .basic(TestAccounts.ONE, "wrong")
                .get(callsJson())
                .then()
                .statusCode(401)
                .body("code", equalTo(20003));
        given().header("Authorization", "Basic !!!notbase64")
                .get(callsJson())
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer abc").get(callsJson()).then().statusCode(401);
    }

    @Test
    void refusesOneAccountsCredentialsOnAnothersPath() {
        asTwo().get(callsJson()).then().statusCode(401).body("code", equalTo(20003));
        asTwo().formParam("To", "+14155550100")
                .formParam("From", "+15005550006")
                .formParam("Url", "http://a.test/")
                .post(callsJson())
                .then()
                .statusCode(401);
    }

    @Test
    void acceptsAnApiKeyOfTheAccount() {
        given().auth()
                .preemptive()
                .basic(TestAccounts.ONE_KEY, TestAccounts.ONE_KEY_SECRET)
                .get(callsJson())
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic(TestAccounts.ONE_KEY, TestAccounts.ONE_KEY_SECRET)
                .get(calls(TestAccounts.TWO) + ".json")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic(TestAccounts.ONE_KEY, TestAccounts.ONE_TOKEN)
                .get(callsJson())
                .then()
                .statusCode(401);
    }

    @Test
    void hidesAnotherAccountsCallAsNotFound() {
        String sid = createCall(uniqueNumber()).getString("sid");
        String path = calls(TestAccounts.TWO) + "/" + sid + ".json";
        asTwo().get(path).then().statusCode(404).body("code", equalTo(20404));
        asTwo().formParam("Status", "canceled").post(path).then().statusCode(404);
        asTwo().delete(path).then().statusCode(404);
        asOne().get(callJson(sid)).then().statusCode(200).body("status", equalTo("queued"));
    }
}
