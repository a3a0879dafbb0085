package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallListTest extends ApiTest {

    @Test
    void listsNewestFirstWithTwiliosEnvelope() {
        String to = uniqueNumber();
        String first = createCall(to).getString("sid");
        String second = createCall(to).getString("sid");
        JsonPath page =
                asOne().queryParam("To", to)
                        .get(callsJson())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(page.getList("calls.sid")).containsExactly(second, first);
        Map<String, Object> envelope = page.getMap("");
        assertThat(envelope)
                .containsOnlyKeys(
                        "calls",
                        "end",
                        "first_page_uri",
                        "next_page_uri",
                        "page",
                        "page_size",
                        "previous_page_uri",
                        "start",
                        "uri");
        String encodedTo = "%2B" + to.substring(1);
        assertThat(envelope)
                .containsEntry("start", 0)
                .containsEntry("end", 1)
                .containsEntry("page", 0)
                .containsEntry("page_size", 50)
                .containsEntry("next_page_uri", null)
                .containsEntry("previous_page_uri", null)
                .containsEntry("uri", callsJson() + "?To=" + encodedTo + "&PageSize=50&Page=0")
                .containsEntry(
                        "first_page_uri", callsJson() + "?To=" + encodedTo + "&PageSize=50&Page=0");
    }

    @Test
    void answersAnEmptyPageWithEndZero() {
        asOne().queryParam("To", uniqueNumber())
                .get(callsJson())
                .then()
                .statusCode(200)
                .body("calls.size()", equalTo(0))
                .body("start", equalTo(0))
                .body("end", equalTo(0))
                .body("next_page_uri", nullValue())
                .body("previous_page_uri", nullValue());
    }

    @Test
    void pagesForwardAndBackWithTokens() {
        String to = uniqueNumber();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, createCall(to).getString("sid"));
        }
        JsonPath first =
                asOne().queryParam("To", to)
                        .queryParam("PageSize", 2)
                        .get(callsJson())
                        .then()
                        .extract()
                        .jsonPath();
        assertThat(first.getList("calls.sid")).containsExactlyElementsOf(created.subList(0, 2));
        String next = first.getString("next_page_uri");
        assertThat(next).contains("PageSize=2&Page=1&PageToken=PA");

        JsonPath second = follow(next).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("calls.sid")).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(second.getInt("start")).isEqualTo(2);
        assertThat(second.getInt("end")).isEqualTo(3);
        assertThat(second.getString("uri")).isEqualTo(next);

        JsonPath third = follow(second.getString("next_page_uri")).then().extract().jsonPath();
        assertThat(third.getList("calls.sid")).containsExactly(created.get(4));
        assertThat(third.getString("next_page_uri")).isNull();

        JsonPath back =
                follow(third.getString("previous_page_uri"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(back.getList("calls.sid")).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(back.getInt("page")).isEqualTo(1);
        JsonPath backAgain =
                follow(back.getString("previous_page_uri")).then().extract().jsonPath();
        assertThat(backAgain.getList("calls.sid")).containsExactlyElementsOf(created.subList(0, 2));
    }

    @Test
    void supportsPageWithoutToken() {
        String to = uniqueNumber();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, createCall(to).getString("sid"));
        }
        asOne().queryParam("To", to)
                .queryParam("PageSize", 2)
                .queryParam("Page", 1)
                .get(callsJson())
                .then()
                .statusCode(200)
                .body("calls.sid", equalTo(List.of(created.get(2))))
                .body("start", equalTo(2));
    }

    @Test
    void filtersByFromStatusAndParent() {
        String to = uniqueNumber();
        String from = uniqueNumber();
        String a =
                asOne().formParam("To", to)
                        .formParam("From", from)
                        .formParam("Url", "http://a.test/")
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        String b = createCall(to).getString("sid");
        asOne().formParam("Status", "canceled").post(callJson(b)).then().statusCode(200);

        assertThat(listSids(Map.of("From", from))).containsExactly(a);
        assertThat(listSids(Map.of("To", to, "Status", "canceled"))).containsExactly(b);
        assertThat(listSids(Map.of("To", to, "Status", "queued"))).containsExactly(a);
        // Child legs come with <Dial>; until then no call has a parent, and the filter is exact.
        assertThat(listSids(Map.of("ParentCallSid", a))).isEmpty();
    }

    @Test
    void filtersByStartAndEndDay() {
        String to = uniqueNumber();
        String early = callTalking(to, "2024-03-01T10:00:00Z", "2024-03-01T10:05:00Z");
        String middle = callTalking(to, "2024-03-02T23:59:59Z", "2024-03-03T00:01:00Z");
        String late = callTalking(to, "2024-03-05T00:00:00Z", "2024-03-05T00:02:00Z");

        assertThat(listSids(Map.of("To", to, "StartTime", "2024-03-02"))).containsExactly(middle);
        assertThat(listSids(Map.of("To", to, "StartTime<", "2024-03-02"))).containsExactly(early);
        assertThat(listSids(Map.of("To", to, "StartTime<=", "2024-03-02")))
                .containsExactly(middle, early);
        assertThat(listSids(Map.of("To", to, "StartTime>", "2024-03-02")))
                .containsExactly(late, middle);
        assertThat(listSids(Map.of("To", to, "StartTime>=", "2024-03-05"))).containsExactly(late);
        assertThat(
                        listSids(
                                Map.of(
                                        "To",
                                        to,
                                        "StartTime>",
                                        "2024-03-02",
                                        "StartTime<",
                                        "2024-03-05")))
                .containsExactly(middle);
        assertThat(listSids(Map.of("To", to, "EndTime", "2024-03-03"))).containsExactly(middle);
        assertThat(listSids(Map.of("To", to, "EndTime<", "2024-03-03"))).containsExactly(early);
        assertThat(listSids(Map.of("To", to, "EndTime>", "2024-03-03")))
                .containsExactly(late, middle);
        // The SDKs send date-times; they compare to the instant.
        assertThat(listSids(Map.of("To", to, "StartTime>", "2024-03-01T10:00:01Z")))
                .containsExactly(late, middle);
        assertThat(listSids(Map.of("To", to, "StartTime<", "2024-03-05T00:00:00")))
                .containsExactly(middle, early);
    }

    @Test
    void keepsFiltersEncodedInThePagingUris() {
        String to = uniqueNumber();
        createCall(to);
        createCall(to);
        JsonPath page =
                asOne().queryParam("To", to)
                        .queryParam("StartTime>", "2020-01-01")
                        .queryParam("PageSize", 1)
                        .get(callsJson())
                        .then()
                        .extract()
                        .jsonPath();
        assertThat(page.getString("uri"))
                .isEqualTo(
                        callsJson()
                                + "?To=%2B"
                                + to.substring(1)
                                + "&StartTime%3E=2020-01-01&PageSize=1&Page=0");
    }

    @Test
    void refusesBadPagingAndFilters() {
        asOne().queryParam("PageSize", 1001)
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20007));
        asOne().queryParam("PageSize", 0)
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().queryParam("PageSize", "many")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().queryParam("Page", -1)
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().queryParam("PageToken", "PAnonsense")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(21481))
                .body("message", equalTo("Invalid PageToken"));
        asOne().queryParam("Status", "ringingish")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().queryParam("StartTime", "yesterday")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
        asOne().queryParam("ParentCallSid", "CA1")
                .get(callsJson())
                .then()
                .statusCode(400)
                .body("code", equalTo(20422));
    }

    @Test
    void listsOnlyTheAccountsOwnCalls() {
        String to = uniqueNumber();
        createCall(to);
        asTwo().queryParam("To", to)
                .get(calls(TestAccounts.TWO) + ".json")
                .then()
                .statusCode(200)
                .body("calls.size()", equalTo(0));
    }

    /** Requests a paging URI exactly as the server wrote it, already encoded. */
    private static io.restassured.response.Response follow(String uri) {
        return asOne().urlEncodingEnabled(false).get(uri);
    }

    private List<String> listSids(Map<String, String> query) {
        return asOne().queryParams(query)
                .get(callsJson())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("calls.sid");
    }

    /** A call answered at {@code start} and hung up at {@code end}, by the test's clock. */
    private String callTalking(String to, String start, String end) {
        clock.stopAt(Instant.parse(start));
        String sid = createTalkingCall(to);
        advance(sid, "answer");
        clock.stopAt(Instant.parse(end));
        advance(sid, "hangup", "completed");
        return sid;
    }
}
