package dev.dialtone.calls;

/** What the lifecycle does next to a live call. */
public enum NextEvent {
    /** Start dialing: the call is initiated and rings. */
    DIAL,
    /** The callee answers. */
    ANSWER,
    /** Fetch (or read) the call's TwiML and plan the rest of the call from it. */
    RUN_TWIML,
    END_COMPLETED,
    END_BUSY,
    END_FAILED,
    END_NO_ANSWER;

    public CallStatus endStatus() {
        return switch (this) {
            case END_COMPLETED -> CallStatus.COMPLETED;
            case END_BUSY -> CallStatus.BUSY;
            case END_FAILED -> CallStatus.FAILED;
            case END_NO_ANSWER -> CallStatus.NO_ANSWER;
            default -> null;
        };
    }
}
