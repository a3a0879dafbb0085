package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.SpecSchemas;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins every JSON answer of the Calls API to the schemas of Twilio's own OpenAPI spec. */
class CallSchemaContractTest extends ApiTest {

    private static final SpecSchemas SPEC = SpecSchemas.load();
    private static final String CALL = "api.v2010.account.call";

    @Test
    void theSchemaCheckerCatchesWhatItShould() {
        Map<String, Object> good = createCall(uniqueNumber()).getMap("");
        assertThat(SPEC.problems(CALL, good)).isEmpty();
        Map<String, Object> missing = new java.util.HashMap<>(good);
        missing.remove("queue_time");
        missing.put("duration", 15);
        missing.put("annotation", null);
        missing.put("date_created", "2024-01-01T00:00:00Z");
        assertThat(SPEC.problems(CALL, missing)).hasSize(4);
    }

    @Test
    void everyCallAnswerMatchesTheSpec() {
        String to = uniqueNumber();
        Response created =
                asOne().formParam("To", to)
                        .formParam("From", "+15005550006")
                        .formParam("Url", "http://a.test/")
                        .post(callsJson());
        assertThat(created.statusCode()).isEqualTo(201);
        assertMatches(CALL, created);
        String sid = created.path("sid");

        assertMatches(CALL, asOne().get(callJson(sid)));
        assertMatches(CALL, asOne().formParam("Url", "http://a.test/next").post(callJson(sid)));

        // A finished call with every time, duration and price filled in.
        clock.stopAt(Instant.parse("2026-03-01T10:00:00Z"));
        String talked = createTalkingCall(to);
        advance(talked, "answer");
        clock.advance(Duration.ofSeconds(65));
        Response completed = asOne().formParam("Status", "completed").post(callJson(talked));
        assertMatches(CALL, completed);
        // Two started minutes at the default rate of 0.014 per minute.
        assertThat(completed.<String>path("price")).isEqualTo("-0.02800");
        assertThat(completed.<String>path("duration")).isEqualTo("65");
        assertThat(completed.<String>path("start_time"))
                .isEqualTo("Sun, 01 Mar 2026 10:00:00 +0000");
        assertThat(completed.<String>path("end_time")).isEqualTo("Sun, 01 Mar 2026 10:01:05 +0000");

        String canceled = createCall(to).getString("sid");
        assertMatches(CALL, asOne().formParam("Status", "canceled").post(callJson(canceled)));
    }

    @Test
    void everyListPageMatchesTheSpec() {
        String to = uniqueNumber();
        createCall(to);
        createCall(to);
        createCall(to);
        Response first = asOne().queryParam("To", to).queryParam("PageSize", 2).get(callsJson());
        assertMatches("ListCallResponse", first);
        Response second =
                asOne().urlEncodingEnabled(false).get(first.<String>path("next_page_uri"));
        assertMatches("ListCallResponse", second);
        assertMatches(
                "ListCallResponse", asOne().queryParam("To", uniqueNumber()).get(callsJson()));
        List<Map<String, Object>> calls = first.jsonPath().getList("calls");
        assertThat(calls).hasSize(2);
    }

    private static void assertMatches(String schema, Response response) {
        assertThat(response.statusCode()).isBetween(200, 299);
        assertThat(response.contentType()).startsWith("application/json");
        Map<String, Object> body = response.jsonPath().getMap("");
        assertThat(SPEC.problems(schema, body)).as(response.asString()).isEmpty();
    }
}
