package dev.dialtone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DialtoneTest
class DialtoneTestTest {

    static TestApp app;

    Dialtone injected;

    @BeforeAll
    static void app() {
        app =
                new TestApp(
                        Map.of(
                                "/voice",
                                "<Response><Gather numDigits=\"1\" action=\"/choice\">"
                                        + "<Say>Press 2 for support</Say></Gather></Response>",
                                "/choice",
                                "<Response><Say>Connecting</Say><Hangup/></Response>"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anIncomingCallRunsTheNumbersTwimlWithTheScriptedCaller(Dialtone dialtone) {
        assertSame(injected, dialtone, "the field and the parameter get the same handle");
        dialtone.incomingNumber("+14155550199", app.url("/voice"), app.url("/status"));
        dialtone.scenario().from("+14155550100").digits("2").create();

        String call = dialtone.incomingCall("+14155550100", "+14155550199");

        Map<String, Object> ended = dialtone.await(call).status(CallStatus.COMPLETED);
        assertEquals("inbound", ended.get("direction"));
        Request choice = dialtone.requests().call(call).toUrl(app.url("/choice")).await();
        assertEquals("2", choice.parameter("Digits"));
        Request completed =
                dialtone.requests()
                        .call(call)
                        .statusCallbacks()
                        .with("CallStatus", "completed")
                        .await();
        assertEquals(app.url("/status"), completed.url());
        assertTrue(completed.signature() != null && !completed.signature().isEmpty());
        assertEquals(
                List.of(app.url("/voice"), app.url("/choice"), app.url("/status")),
                dialtone.requests().call(call).list().stream().map(Request::url).toList());
    }

    @RepeatedTest(2)
    void everyTestStartsOnAnEmptyAccount(Dialtone dialtone) {
        assertEquals(List.of(), dialtone.requests().list());
        assertFalse(Call.reader().read(dialtone.twilioClient()).iterator().hasNext());
        Call created =
                Call.creator(
                                new PhoneNumber("+14155550123"),
                                new PhoneNumber("+15005550006"),
                                new Twiml("<Response><Hangup/></Response>"))
                        .create(dialtone.twilioClient());
        dialtone.await(created.getSid()).status(CallStatus.COMPLETED);
    }

    @Test
    void anInjected429IsAnsweredWithTwiliosBodyThenTheRuleIsSpent(Dialtone dialtone) {
        String rule =
                dialtone.fault()
                        .method("POST")
                        .path("/2010-04-01/Accounts/*/Calls.json")
                        .status(429)
                        .count(1)
                        .create();
        assertTrue(rule.startsWith("DF"), rule);
        ControlClient api =
                new ControlClient(dialtone.baseUrl(), dialtone.accountSid(), dialtone.authToken());
        List<Map.Entry<String, String>> form =
                new Form()
                        .add("To", "+14155550123")
                        .add("From", "+15005550006")
                        .add("Twiml", "<Response><Hangup/></Response>")
                        .fields();
        String path = "/2010-04-01/Accounts/" + dialtone.accountSid() + "/Calls.json";

        DialtoneException refused =
                assertThrows(DialtoneException.class, () -> api.post(path, form));
        assertEquals(429, refused.status());
        assertEquals(20429, refused.code());
        assertTrue(((String) api.post(path, form).get("sid")).startsWith("CA"));
    }

    @Test
    void aBadScenarioIsRefusedWithTwiliosCode(Dialtone dialtone) {
        DialtoneException refused =
                assertThrows(
                        DialtoneException.class,
                        () -> dialtone.scenario().to("not a number").create());
        assertEquals(400, refused.status());
        assertTrue(refused.code() > 0, refused.getMessage());
    }
}
