package dev.dialtone.junit;

/** A call's status, as Twilio names it on the wire. */
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

    /** As Twilio writes it: {@code in-progress}, {@code no-answer}… */
    public String wire() {
        return wire;
    }

    /** Whether the call has ended. */
    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    static CallStatus of(String wire) {
        for (CallStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown call status: " + wire);
    }
}
