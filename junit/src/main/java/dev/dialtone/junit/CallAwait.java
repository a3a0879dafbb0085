package dev.dialtone.junit;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Waits for a call to get somewhere: {@code dialtone.await(sid).status(CallStatus.COMPLETED)}. */
public final class CallAwait {

    private final Dialtone dialtone;
    private final String callSid;
    private final Duration timeout;

    CallAwait(Dialtone dialtone, String callSid, Duration timeout) {
        this.dialtone = dialtone;
        this.callSid = callSid;
        this.timeout = timeout;
    }

    /**
     * Waits until the call's status is one of {@code wanted}; answers the call as the API shows it
     * then. Fails at once when the call ends in another status.
     */
    public Map<String, Object> status(CallStatus... wanted) {
        Set<CallStatus> statuses = EnumSet.copyOf(Arrays.asList(wanted));
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Object> call = dialtone.call(callSid);
            CallStatus status = CallStatus.of((String) call.get("status"));
            if (statuses.contains(status)) {
                return call;
            }
            if (status.isFinal()) {
                throw new AssertionError(callSid + " ended " + status.wire() + ", not " + statuses);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        callSid
                                + " was still "
                                + status.wire()
                                + " after "
                                + timeout
                                + ", not "
                                + statuses);
            }
            pause();
        }
    }

    /** Waits until the call has ended, however it ended. */
    public Map<String, Object> ended() {
        return status(
                CallStatus.COMPLETED,
                CallStatus.BUSY,
                CallStatus.FAILED,
                CallStatus.NO_ANSWER,
                CallStatus.CANCELED);
    }

    /** Between two looks: short, since Dialtone answers a look in well under a millisecond. */
    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
