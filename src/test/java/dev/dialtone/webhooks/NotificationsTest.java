package dev.dialtone.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Notification;
import dev.dialtone.support.LifecycleTest;
import dev.dialtone.support.SpecSchemas;
import dev.dialtone.support.TestAccounts;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What went wrong with a call, as Twilio's Notifications resources log it. */
class NotificationsTest extends LifecycleTest {

    private static final SpecSchemas SPEC = SpecSchemas.load("notification-schemas.json");

    @Test
    void anUnknownVerbAndACallbackAnsweringAnErrorAreWarningsAFailedFetchAnError() {
        String app = path("app");
        String status = path("status");
        RECEIVER.twiml(app, "<Response><Dance/><Hangup/></Response>");
        RECEIVER.answer(status, 404, "no such page");
        String warned =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Url", RECEIVER.url(app))
                        .formParam("StatusCallback", RECEIVER.url(status))
                        .post(callsJson())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sid");
        String broken = path("broken");
        RECEIVER.answer(broken, 500, "oops");
        String failed = callWithUrl(uniqueNumber(), RECEIVER.url(broken));
        awaitStatus(failed, "completed");
        awaitRequests(warned, status, 1);
        TwilioRestClient client = sdk();
        org.awaitility.Awaitility.await()
                .atMost(DEADLINE)
                .until(() -> notificationsOf(warned, client).size() == 2);

        List<com.twilio.rest.api.v2010.account.call.Notification> ofCall =
                notificationsOf(warned, client);
        assertThat(ofCall)
                .extracting(n -> n.getErrorCode() + "/" + n.getLog())
                .containsExactlyInAnyOrder("12200/1", "15003/1");
        com.twilio.rest.api.v2010.account.call.Notification callback =
                ofCall.stream().filter(n -> n.getErrorCode().equals("15003")).findFirst().get();
        assertThat(callback.getRequestUrl().toString()).isEqualTo(RECEIVER.url(status));
        assertThat(callback.getMoreInfo().toString())
                .isEqualTo("https://www.twilio.com/docs/errors/15003");
        com.twilio.rest.api.v2010.account.call.Notification whole =
                com.twilio.rest.api.v2010.account.call.Notification.fetcher(
                                warned, callback.getSid())
                        .fetch(client);
        assertThat(whole.getRequestVariables()).contains("CallSid=" + warned);
        assertThat(whole.getResponseBody()).isEqualTo("no such page");

        List<Notification> errors = new ArrayList<>();
        Notification.reader().setLog(0).read(client).forEach(errors::add);
        assertThat(errors)
                .filteredOn(n -> failed.equals(n.getCallSid()))
                .extracting(Notification::getErrorCode)
                .containsExactly("11200");
        assertThat(errors).allSatisfy(n -> assertThat(n.getLog()).isEqualTo("0"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Notification> tomorrow = new ArrayList<>();
        Notification.reader()
                .setMessageDateAfter(today.plusDays(1))
                .read(client)
                .forEach(tomorrow::add);
        assertThat(tomorrow).isEmpty();

        Response list = asOne().get(account("/Calls/" + warned + "/Notifications.json"));
        assertThat(SPEC.problems("ListCallNotificationResponse", list.jsonPath().getMap("")))
                .as(list.asString())
                .isEmpty();
        Response all = asOne().queryParam("Log", "1").get(account("/Notifications.json"));
        assertThat(SPEC.problems("ListNotificationResponse", all.jsonPath().getMap(""))).isEmpty();
        Response one = asOne().get(account("/Notifications/" + callback.getSid() + ".json"));
        assertThat(
                        SPEC.problems(
                                "api.v2010.account.notification-instance",
                                one.jsonPath().getMap("")))
                .as(one.asString())
                .isEmpty();
        asOne().queryParam("Log", "2").get(account("/Notifications.json")).then().statusCode(400);
        asTwo().get(
                        "/2010-04-01/Accounts/"
                                + TestAccounts.TWO
                                + "/Notifications/"
                                + callback.getSid()
                                + ".json")
                .then()
                .statusCode(404);
        assertThat(
                        asOne().get(callJson(warned))
                                .then()
                                .extract()
                                .<String>path("subresource_uris.notifications"))
                .isEqualTo(account("/Calls/" + warned + "/Notifications.json"));
    }

    private static List<com.twilio.rest.api.v2010.account.call.Notification> notificationsOf(
            String sid, TwilioRestClient client) {
        List<com.twilio.rest.api.v2010.account.call.Notification> found = new ArrayList<>();
        com.twilio.rest.api.v2010.account.call.Notification.reader(sid)
                .read(client)
                .forEach(found::add);
        return found;
    }

    private static String account(String tail) {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + tail;
    }
}
