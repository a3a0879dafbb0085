package dev.dialtone.numbers;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code dialtone.validate-from=true}, a call goes out only from a number the account has. */
@TestPropertySource(properties = "dialtone.validate-from=true")
class ValidateFromTest extends ApiTest {

    @Test
    void aFromTheAccountDoesNotHaveIsRefusedWith21210() {
        String from = uniqueNumber();
        create(from)
                .then()
                .statusCode(400)
                .body("code", equalTo(21210))
                .body("message", containsString(from));
        create("+15005550006").then().statusCode(201);

        asOne().formParam("PhoneNumber", from)
                .post("/2010-04-01/Accounts/" + TestAccounts.ONE + "/IncomingPhoneNumbers.json")
                .then()
                .statusCode(201);
        create(from).then().statusCode(201);
        // Account two does not have it.
        asTwo().formParam("To", uniqueNumber())
                .formParam("From", from)
                .formParam("Twiml", "<Response><Hangup/></Response>")
                .post("/2010-04-01/Accounts/" + TestAccounts.TWO + "/Calls.json")
                .then()
                .statusCode(400)
                .body("code", equalTo(21210));
    }

    private static io.restassured.response.Response create(String from) {
        return asOne().formParam("To", uniqueNumber())
                .formParam("From", from)
                .formParam("Twiml", "<Response><Hangup/></Response>")
                .post(callsJson());
    }
}
