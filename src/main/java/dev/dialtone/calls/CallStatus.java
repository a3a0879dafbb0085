package dev.dialtone.calls;

import java.util.Arrays;
import java.util.Optional;

/** A call's status as the resource shows it ({@code call_enum_status}). */
public enum CallStatus {
    QUEUED("queued", false),
    RINGING("ringing", false),
    IN_PROGRESS("in-progress", false),
    COMPLETED("completed", true),
    BUSY("busy", true),
    FAILED("failed", true),
    NO_ANSWER("no-answer", true),
    CANCELED("canceled", true);

    private final String wire;
    private final boolean ended;

    CallStatus(String wire, boolean ended) {
        this.wire = wire;
        this.ended = ended;
    }

    public String wire() {
        return wire;
    }

    public boolean isEnded() {
        return ended;
    }

    public static Optional<CallStatus> ofWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
