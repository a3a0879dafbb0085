package dev.dialtone.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The callee rules a test makes at run time: made, listed, removed, per account. */
class ScenariosApiTest extends ApiTest {

    @Test
    void aRuleIsMadeWithItsSidAndReadBackAsWritten() {
        JsonPath rule =
                asOne().formParam("To", "+15005550100")
                        .formParam("Outcome", "no-answer")
                        .formParam("SipResponseCode", "480")
                        .formParam("RingTime", "200ms")
                        .formParam("TalkTime", "3s")
                        .formParam("AnsweredBy", "machine_start")
                        .formParam("Digits", "1")
                        .formParam("Digits", "")
                        .formParam("Digits", "4242#")
                        .formParam("Speech", "sales please")
                        .formParam("InputDelay", "1500ms")
                        .post("/dialtone/scenarios")
                        .then()
                        .statusCode(201)
                        .body("sid", matchesPattern("DS[0-9a-f]{32}"))
                        .extract()
                        .jsonPath();

        assertThat(rule.getString("to")).isEqualTo("+15005550100");
        assertThat(rule.getString("outcome")).isEqualTo("no-answer");
        assertThat(rule.getInt("sip_response_code")).isEqualTo(480);
        assertThat(rule.getString("ring_time")).isEqualTo("200ms");
        assertThat(rule.getString("talk_time")).isEqualTo("3s");
        assertThat(rule.getString("answered_by")).isEqualTo("machine_start");
        assertThat(rule.getList("digits")).containsExactly("1", "", "4242#");
        assertThat(rule.getList("speech")).containsExactly("sales please");
        assertThat(rule.getString("input_delay")).isEqualTo("1500ms");
        assertThat(rule.getString("account_sid")).isEqualTo(TestAccounts.ONE);

        List<Object> listed = asOne().get("/dialtone/scenarios").then().extract().path("scenarios");
        assertThat(listed).containsExactly(rule.getMap(""));
    }

    @Test
    void rulesAreListedNewestFirstAndOnlyToTheirAccount() {
        String first = make("+15005550101");
        String second = make("+15005550102");

        assertThat(sids()).containsExactly(second, first);
        List<String> others =
                asTwo().get("/dialtone/scenarios")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("scenarios.sid");
        assertThat(others).isEmpty();
        asTwo().delete("/dialtone/scenarios/" + first)
                .then()
                .statusCode(404)
                .body("code", equalTo(20404));
        assertThat(sids()).containsExactly(second, first);
    }

    @Test
    void aRuleIsRemovedOnceAndAResetRemovesThemAll() {
        String one = make("+15005550103");
        make("+15005550104");

        asOne().delete("/dialtone/scenarios/" + one).then().statusCode(204);
        asOne().delete("/dialtone/scenarios/" + one).then().statusCode(404);
        assertThat(sids()).hasSize(1);

        asOne().post("/dialtone/reset")
                .then()
                .statusCode(200)
                .body("deleted_scenarios", equalTo(1));
        assertThat(sids()).isEmpty();
    }

    @Test
    void aBadRuleIsRefusedInTwiliosShapeAndNothingIsStored() {
        String[][] bad = {
            {"Outcome", "maybe"},
            {"RingTime", "soon"},
            {"TalkTime", "-1s"},
            {"SipResponseCode", "99"},
            {"AnsweredBy", "robot"},
            {"Digits", "12a"},
        };
        for (String[] field : bad) {
            asOne().formParam("To", "+15005550105")
                    .formParam(field[0], field[1])
                    .post("/dialtone/scenarios")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo(20422))
                    .body("status", equalTo(400))
                    .body("more_info", equalTo("https://www.twilio.com/docs/errors/20422"));
        }
        asOne().post("/dialtone/scenarios").then().statusCode(400).body("code", equalTo(20422));
        // A + sent unescaped in a form arrives as a space: not a number.
        asOne().formParam("To", " 15005550105")
                .post("/dialtone/scenarios")
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().formParam("To", "+15005550105")
                .formParam("ToPattern", "\\+1500.*")
                .post("/dialtone/scenarios")
                .then()
                .statusCode(400);
        asOne().formParam("ToPattern", "(unclosed")
                .post("/dialtone/scenarios")
                .then()
                .statusCode(400)
                .body("message", startsWith("ToPattern is not"));
        assertThat(sids()).isEmpty();
    }

    @AfterEach
    void removeRules() {
        asOne().post("/dialtone/reset").then().statusCode(200);
    }

    private static String make(String to) {
        return asOne().formParam("To", to)
                .post("/dialtone/scenarios")
                .then()
                .statusCode(201)
                .extract()
                .path("sid");
    }

    private static List<String> sids() {
        return asOne().get("/dialtone/scenarios")
                .then()
                .statusCode(200)
                .extract()
                .path("scenarios.sid");
    }
}
