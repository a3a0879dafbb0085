package dev.dialtone.calls;

import java.util.Arrays;
import java.util.Optional;

/** A call's status as the resource shows it ({@code call_enum_status}). */
public enum CallStatus {
    QUEUED("queued"),
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    BUSY("busy"),
    FAILED("failed"),
    NO_ANSWER("no-answer"),
    CANCELED("canceled");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean isEnded() {
        return ordinal() >= COMPLETED.ordinal();
    }

    public static Optional<CallStatus> ofWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
