package dev.dialtone.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import io.restassured.path.xml.XmlPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFormatsTest extends ApiTest {

    @Test
    void fetchesOneCallAsJson() {
        String sid = createCall(uniqueNumber()).getString("sid");
        asOne().get(callJson(sid))
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("sid", equalTo(sid))
                .body("status", equalTo("queued"));
    }

    @Test
    void answersXmlForTheXmlSuffixAndForNoSuffix() {
        String to = uniqueNumber();
        String sid = createCall(to).getString("sid");
        for (String path :
                List.of(
                        calls(TestAccounts.ONE) + "/" + sid + ".xml",
                        calls(TestAccounts.ONE) + "/" + sid)) {
            String body =
                    asOne().get(path)
                            .then()
                            .statusCode(200)
                            .contentType("application/xml")
                            .extract()
                            .asString();
            XmlPath xml = new XmlPath(body);
            assertThat(xml.getString("TwilioResponse.Call.Sid")).isEqualTo(sid);
            assertThat(xml.getString("TwilioResponse.Call.To")).isEqualTo(to);
            assertThat(xml.getString("TwilioResponse.Call.Status")).isEqualTo("queued");
            assertThat(xml.getString("TwilioResponse.Call.ParentCallSid")).isEmpty();
            assertThat(xml.getString("TwilioResponse.Call.SubresourceUris.Notifications"))
                    .endsWith("/Calls/" + sid + "/Notifications.json");
        }
    }

    @Test
    void createsAndUpdatesInTheFormatTheSuffixAsks() {
        String body =
                asOne().formParam("To", uniqueNumber())
                        .formParam("From", "+15005550006")
                        .formParam("Url", "http://a.test/")
                        .post(calls(TestAccounts.ONE))
                        .then()
                        .statusCode(201)
                        .contentType("application/xml")
                        .extract()
                        .asString();
        String sid = new XmlPath(body).getString("TwilioResponse.Call.Sid");
        asOne().formParam("Status", "canceled")
                .post(calls(TestAccounts.ONE) + "/" + sid + ".xml")
                .then()
                .statusCode(200)
                .contentType("application/xml")
                .body("TwilioResponse.Call.Status", equalTo("canceled"));
    }

    @Test
    void listsAsXmlWithThePagingAttributes() {
        String to = uniqueNumber();
        createCall(to);
        createCall(to);
        String body =
                asOne().queryParam("To", to)
                        .queryParam("PageSize", 1)
                        .get(calls(TestAccounts.ONE) + ".xml")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        XmlPath xml = new XmlPath(body);
        assertThat(xml.getInt("TwilioResponse.Calls.Call.size()")).isEqualTo(1);
        assertThat(xml.getString("TwilioResponse.Calls.@page")).isEqualTo("0");
        assertThat(xml.getString("TwilioResponse.Calls.@pagesize")).isEqualTo("1");
        assertThat(xml.getString("TwilioResponse.Calls.@nextpageuri")).contains("PageToken=PA");
        assertThat(xml.getString("TwilioResponse.Calls.@previouspageuri")).isEmpty();
    }

    @Test
    void listsAndFetchesAsCsvWithAHeaderRow() {
        String to = uniqueNumber();
        String first = createCall(to).getString("sid");
        String second = createCall(to).getString("sid");
        String list =
                asOne().queryParam("To", to)
                        .get(calls(TestAccounts.ONE) + ".csv")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/csv"))
                        .extract()
                        .asString();
        List<String> lines = list.lines().toList();
        assertThat(lines).hasSize(3);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header)
                .startsWith("Sid", "DateCreated", "DateUpdated")
                .contains("To", "Status", "QueueTime", "Uri");
        assertThat(lines.get(1)).startsWith(second + ",\"");
        assertThat(lines.get(2)).startsWith(first + ",\"");

        String one =
                asOne().get(calls(TestAccounts.ONE) + "/" + first + ".csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(one.lines().toList()).hasSize(2);
        assertThat(one.lines().toList().get(1)).contains(to).contains(",queued,");
    }

    @Test
    void rendersErrorsAsXmlWhenXmlWasAsked() {
        String body =
                asOne().get(calls(TestAccounts.ONE) + "/CA00000000000000000000000000000000")
                        .then()
                        .statusCode(404)
                        .contentType("application/xml")
                        .extract()
                        .asString();
        XmlPath xml = new XmlPath(body);
        assertThat(xml.getInt("TwilioResponse.RestException.Code")).isEqualTo(20404);
        assertThat(xml.getInt("TwilioResponse.RestException.Status")).isEqualTo(404);
        assertThat(xml.getString("TwilioResponse.RestException.MoreInfo"))
                .isEqualTo("https://www.twilio.com/docs/errors/20404");
        assertThat(xml.getString("TwilioResponse.RestException.Message"))
                .isEqualTo(
                        "The requested resource "
                                + calls(TestAccounts.ONE)
                                + "/CA00000000000000000000000000000000 was not found");
    }

    @Test
    void answersNotFoundForOtherResourcesAndSuffixes() {
        asOne().get("/2010-04-01/Accounts/" + TestAccounts.ONE + "/Messages.json")
                .then()
                .statusCode(404)
                .body("code", equalTo(20404));
        // An unknown suffix is no suffix at all, so the error comes as XML.
        asOne().get(calls(TestAccounts.ONE) + ".yaml")
                .then()
                .statusCode(404)
                .body("TwilioResponse.RestException.Code", equalTo("20404"));
    }
}
