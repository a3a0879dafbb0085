package dev.dialtone.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.call.Event;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.SpecSchemas;
import dev.dialtone.support.TestAccounts;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call's events: its create, its updates, and every request Dialtone made for it, in order. */
class CallEventsTest extends LifecycleTest {

    private static final SpecSchemas SPEC = SpecSchemas.load("event-schemas.json");

    @Test
    void theEventsTellTheCreateTheFetchesTheCallbacksAndTheUpdateInOrder() {
        String to = uniqueNumber();
        scenario(to, "TalkTime", "30s");
        String app = path("app");
        String status = path("status");
        RECEIVER.twiml(app, "<Response><Pause length=\"30\"/></Response>");
        String sid =
                callWithCallbacks(
                        to, RECEIVER.url(app), RECEIVER.url(status), "answered", "completed");
        awaitRequests(sid, app, 1);
        awaitRequests(sid, status, 1);
        asOne().formParam("Status", "completed").post(callJson(sid)).then().statusCode(200);
        awaitRequests(sid, status, 2);
        awaitDelivered(sid, 2);

        Response events = asOne().get(account("/Calls/" + sid + "/Events.json"));
        assertThat(SPEC.problems("ListCallEventResponse", events.jsonPath().getMap("")))
                .as(events.asString())
                .isEmpty();
        List<Event> read = new ArrayList<>();
        Event.reader(sid).read(sdk()).forEach(read::add);
        List<String> urls =
                read.stream().map(e -> ((Map<?, ?>) e.getRequest()).get("url").toString()).toList();
        assertThat(urls).hasSize(5);
        assertThat(urls.get(0)).isEqualTo("http://localhost:" + port + account("/Calls.json"));
        // The answered callback and the fetch start together at the answer.
        assertThat(urls.subList(1, 3))
                .containsExactlyInAnyOrder(RECEIVER.url(app), RECEIVER.url(status));
        assertThat(urls.subList(3, 5))
                .containsExactly(
                        "http://localhost:" + port + account("/Calls/" + sid + ".json"),
                        RECEIVER.url(status));
        int fetchAt = urls.indexOf(RECEIVER.url(app));
        Map<?, ?> create = (Map<?, ?>) read.get(0).getRequest();
        Map<?, ?> parameters = (Map<?, ?>) create.get("parameters");
        assertThat(parameters.get("to")).isEqualTo(to);
        assertThat(parameters.get("status_callback_event")).isEqualTo("answered completed");
        assertThat(((Map<?, ?>) read.get(0).getResponse()).get("response_code")).isEqualTo(201);
        Map<?, ?> fetch = (Map<?, ?>) read.get(fetchAt).getRequest();
        assertThat(fetch.get("method")).isEqualTo("POST");
        assertThat(((Map<?, ?>) fetch.get("parameters")).get("CallSid")).isEqualTo(sid);
        Map<?, ?> fetched = (Map<?, ?>) read.get(fetchAt).getResponse();
        assertThat(fetched.get("response_code")).isEqualTo(200);
        assertThat(fetched.get("content_type").toString()).isEqualTo("application/xml");
        assertThat(fetched.get("response_body").toString()).contains("<Pause");
        Map<?, ?> update = (Map<?, ?>) read.get(3).getRequest();
        assertThat(((Map<?, ?>) update.get("parameters")).get("status")).isEqualTo("completed");
        assertThat(((Map<?, ?>) read.get(3).getResponse()).get("response_body").toString())
                .contains("\"status\":\"completed\"");

        // The journal shows the signature each request carried.
        List<Map<String, Object>> journal = timeline(sid).getList("requests");
        assertThat(journal)
                .filteredOn(r -> r.get("kind").equals("twiml"))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.get("signature"))
                                        .isEqualTo(RECEIVER.requests(sid, app).get(0).signature()));

        // Paged as every Twilio list, and in XML too.
        Response first =
                asOne().queryParam("PageSize", 2).get(account("/Calls/" + sid + "/Events.json"));
        assertThat(first.jsonPath().getList("events")).hasSize(2);
        assertThat(first.jsonPath().getString("next_page_uri"))
                .isEqualTo(account("/Calls/" + sid + "/Events.json?PageSize=2&Page=1"));
        asOne().get(account("/Calls/" + sid + "/Events.xml")).then().statusCode(200);
        asTwo().get("/2010-04-01/Accounts/" + TestAccounts.TWO + "/Calls/" + sid + "/Events.json")
                .then()
                .statusCode(404);
        assertThat(
                        asOne().get(callJson(sid))
                                .then()
                                .extract()
                                .<String>path("subresource_uris.events"))
                .isEqualTo(account("/Calls/" + sid + "/Events.json"));
    }

    private static String account(String tail) {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + tail;
    }
}
