package dev.dialtone.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.type.PhoneNumber;
import dev.dialtone.support.ApiTest;
import dev.dialtone.support.SpecSchemas;
import dev.dialtone.support.TestAccounts;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's numbers, as twilio-java and the spec know IncomingPhoneNumbers. */
class IncomingNumbersTest extends ApiTest {

    private static final SpecSchemas SPEC = SpecSchemas.load("number-schemas.json");

    @Test
    void aNumberIsCreatedFetchedListedUpdatedAndDeleted() {
        TwilioRestClient client = sdk();
        String e164 = uniqueNumber();
        IncomingPhoneNumber created =
                IncomingPhoneNumber.creator(new PhoneNumber(e164))
                        .setVoiceUrl(URI.create("https://app.example/voice"))
                        .setStatusCallback(URI.create("https://app.example/status"))
                        .create(client);
        assertThat(created.getSid()).matches("PN[0-9a-f]{32}");
        assertThat(created.getPhoneNumber().toString()).isEqualTo(e164);
        assertThat(created.getVoiceUrl().toString()).isEqualTo("https://app.example/voice");
        assertThat(created.getFriendlyName()).startsWith("(" + e164.substring(2, 5) + ")");

        Response one = asOne().get(path("/IncomingPhoneNumbers/" + created.getSid() + ".json"));
        assertThat(
                        SPEC.problems(
                                "api.v2010.account.incoming_phone_number",
                                one.jsonPath().getMap("")))
                .as(one.asString())
                .isEmpty();
        List<IncomingPhoneNumber> listed = new ArrayList<>();
        IncomingPhoneNumber.reader()
                .setPhoneNumber(new PhoneNumber(e164))
                .read(client)
                .forEach(listed::add);
        assertThat(listed)
                .extracting(IncomingPhoneNumber::getSid)
                .containsExactly(created.getSid());
        Response list = asOne().get(path("/IncomingPhoneNumbers.json"));
        assertThat(SPEC.problems("ListIncomingPhoneNumberResponse", list.jsonPath().getMap("")))
                .isEmpty();

        IncomingPhoneNumber updated =
                IncomingPhoneNumber.updater(created.getSid())
                        .setVoiceUrl(URI.create("https://app.example/v2"))
                        .setVoiceMethod(com.twilio.http.HttpMethod.GET)
                        .setFriendlyName("Front desk")
                        .update(client);
        assertThat(updated.getVoiceUrl().toString()).isEqualTo("https://app.example/v2");
        assertThat(updated.getVoiceMethod()).isEqualTo(com.twilio.http.HttpMethod.GET);
        assertThat(IncomingPhoneNumber.fetcher(created.getSid()).fetch(client).getFriendlyName())
                .isEqualTo("Front desk");
        asTwo().get(
                        "/2010-04-01/Accounts/"
                                + TestAccounts.TWO
                                + "/IncomingPhoneNumbers/"
                                + created.getSid()
                                + ".json")
                .then()
                .statusCode(404);

        assertThat(IncomingPhoneNumber.deleter(created.getSid()).delete(client)).isTrue();
        asOne().get(path("/IncomingPhoneNumbers/" + created.getSid() + ".json"))
                .then()
                .statusCode(404);
    }

    @Test
    void badNumbersAreRefusedAsTwilioRefusesThem() {
        asOne().post(path("/IncomingPhoneNumbers.json"))
                .then()
                .statusCode(400)
                .body("code", equalTo(20001));
        asOne().formParam("PhoneNumber", "555-0100")
                .post(path("/IncomingPhoneNumbers.json"))
                .then()
                .statusCode(400)
                .body("code", equalTo(21421));
        String e164 = uniqueNumber();
        asOne().formParam("PhoneNumber", e164)
                .post(path("/IncomingPhoneNumbers.json"))
                .then()
                .statusCode(201);
        asOne().formParam("PhoneNumber", e164)
                .post(path("/IncomingPhoneNumbers.json"))
                .then()
                .statusCode(400)
                .body("code", equalTo(21422));
        asOne().formParam("AreaCode", "415")
                .formParam("VoiceUrl", "not a url")
                .post(path("/IncomingPhoneNumbers.json"))
                .then()
                .statusCode(400)
                .body("code", equalTo(21205));
        asOne().formParam("AreaCode", "415")
                .post(path("/IncomingPhoneNumbers.json"))
                .then()
                .statusCode(201)
                .body("phone_number", org.hamcrest.Matchers.startsWith("+1415"));
    }

    private static String path(String tail) {
        return "/2010-04-01/Accounts/" + TestAccounts.ONE + tail;
    }
}
