package dev.dialtone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@DialtoneTest(manualClock = true, properties = "dialtone.simulation.speed=1")
class ManualClockTest {

    @Test
    void nothingMovesUntilTheTestAdvancesTheClockAndThenEverythingDueHasHappened(
            Dialtone dialtone) {
        assertTrue(dialtone.clock().isManual());
        Instant start = dialtone.clock().now();
        Call call =
                Call.creator(
                                new PhoneNumber("+14155550123"),
                                new PhoneNumber("+15005550006"),
                                new Twiml("<Response><Pause length=\"4\"/><Hangup/></Response>"))
                        .create(dialtone.twilioClient());
        String sid = call.getSid();

        assertEquals("queued", dialtone.call(sid).get("status"));
        assertEquals(start, dialtone.clock().now(), "a request does not move a stopped clock");

        // At Twilio's pace: 1 s queued, 3 s ringing, then the 4 s pause.
        dialtone.clock().advance(Duration.ofSeconds(4));
        assertEquals("in-progress", dialtone.call(sid).get("status"));
        dialtone.clock().advance(Duration.ofSeconds(4));
        assertEquals("completed", dialtone.call(sid).get("status"));
        assertEquals("4", dialtone.call(sid).get("duration"));
        assertEquals(start.plusSeconds(8), dialtone.clock().now());
    }
}
