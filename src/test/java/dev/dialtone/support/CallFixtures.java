package dev.dialtone.support;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.NewCall;
import dev.dialtone.web.WebhookMethod;
import java.time.Instant;
import java.util.List;

/** Calls built in memory, through the domain's own factory, for unit tests of what they do next. */
public final class CallFixtures {
    private CallFixtures() {}

    /**
     * A queued outbound call to a North American number, with its own Url, created at {@code
     * created}.
     */
    public static Call queued(int timeout, Integer timeLimit, Instant created) {
        return queued(timeout, timeLimit, null, null, null, created);
    }

    /** The same, asking for answering-machine detection ({@code mode}) or sending digits. */
    public static Call detecting(
            String mode, Integer detectionTimeout, String sendDigits, Instant created) {
        return queued(60, null, sendDigits, mode, detectionTimeout, created);
    }

    private static Call queued(
            int timeout,
            Integer timeLimit,
            String sendDigits,
            String machineDetection,
            Integer machineDetectionTimeout,
            Instant created) {
        NewCall request =
                new NewCall(
                        "+14155550100",
                        "+15005550006",
                        "http://app.test/twiml",
                        WebhookMethod.POST,
                        null,
                        null,
                        null,
                        WebhookMethod.POST,
                        null,
                        WebhookMethod.POST,
                        List.of("completed"),
                        sendDigits,
                        timeout,
                        timeLimit,
                        false,
                        null,
                        null,
                        WebhookMethod.POST,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        machineDetection,
                        machineDetectionTimeout,
                        null,
                        null,
                        null,
                        null,
                        null,
                        WebhookMethod.POST,
                        null,
                        null,
                        null,
                        null,
                        null);
        return Call.queue("CA" + "0".repeat(32), "AC" + "1".repeat(32), request, created);
    }
}
