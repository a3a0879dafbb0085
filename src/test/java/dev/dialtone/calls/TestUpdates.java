package dev.dialtone.calls;

import java.math.BigDecimal;
import java.time.Instant;

/** Updates as the API applies them, for unit tests outside the calls package. */
public final class TestUpdates {
    private TestUpdates() {}

    /** What {@code POST /Calls/{Sid}} with {@code TimeLimit} does to the call. */
    public static void timeLimit(Call call, int seconds, Instant now) {
        call.update(
                new CallUpdate(null, null, null, null, null, null, null, null, seconds),
                now,
                BigDecimal.ONE);
    }
}
