package com.example.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dialtone.junit.CallStatus;
import dev.dialtone.junit.Dialtone;
import dev.dialtone.junit.DialtoneTest;
import dev.dialtone.junit.Request;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@DialtoneTest
class IvrAppTest {

    static final String APP_NUMBER = "+14155550199";
    static final String CALLER = "+14155550100";

    Dialtone dialtone;
    IvrApp app;

    @BeforeEach
    void start() throws IOException {
        app = new IvrApp(dialtone.twilioClient(), APP_NUMBER);
        dialtone.incomingNumber(APP_NUMBER, app.url("/voice"), app.url("/status"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aCallerWhoPressesOneHearsTheOpeningHours() {
        dialtone.scenario().from(CALLER).digits("1").create();

        String call = dialtone.incomingCall(CALLER, APP_NUMBER);

        Request menu = dialtone.requests().call(call).toUrl(app.url("/menu")).await();
        assertEquals("1", menu.parameter("Digits"));
        Request completed =
                dialtone.requests()
                        .call(call)
                        .statusCallbacks()
                        .with("CallStatus", "completed")
                        .await();
        assertEquals("inbound", completed.parameter("Direction"));
        assertEquals(List.of(call), app.completedCalls());
    }

    @Test
    void aCallerWhoPressesTwoIsCalledBackEvenWhenTwilioSaysTooManyRequests() {
        // The app's create meets 429 twice: the HTTP client under twilio-java retries a 429 once,
        // a second later; the second reaches the app, whose own retry gets through.
        dialtone.fault()
                .method("POST")
                .path("/2010-04-01/Accounts/*/Calls.json")
                .status(429)
                .count(2)
                .create();
        dialtone.scenario().from(CALLER).digits("2").create();

        String call = dialtone.incomingCall(CALLER, APP_NUMBER);
        dialtone.await(call).status(CallStatus.COMPLETED);

        Request callback = dialtone.requests().toUrl(app.url("/callback")).await();
        assertEquals(CALLER, callback.parameter("To"));
        assertEquals("outbound-api", callback.parameter("Direction"));
        dialtone.await(callback.callSid()).status(CallStatus.COMPLETED);
        dialtone.requests()
                .call(callback.callSid())
                .statusCallbacks()
                .with("CallStatus", "completed")
                .await();
        assertEquals(0L, dialtone.faults().get(0).get("count"), "both 429s were answered");
    }

    @Test
    void onAStoppedClockTheCallMovesOnlyAsTheTestAdvancesIt() {
        Instant start = dialtone.clock().stop();
        dialtone.scenario().from(CALLER).digits("1").create();

        String call = dialtone.incomingCall(CALLER, APP_NUMBER);
        dialtone.clock().advance(Duration.ofMinutes(1));

        // Everything due in that minute has happened by now: no waiting.
        Map<String, Object> ended = dialtone.call(call);
        assertEquals("completed", ended.get("status"));
        assertEquals(start.plus(Duration.ofMinutes(1)), dialtone.clock().now());
        List<String> asked =
                dialtone.requests().call(call).list().stream().map(Request::url).toList();
        assertEquals(List.of(app.url("/voice"), app.url("/menu"), app.url("/status")), asked);
        assertTrue(app.completedCalls().contains(call));
    }
}
