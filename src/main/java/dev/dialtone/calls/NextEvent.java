package dev.dialtone.calls;

/** What the lifecycle does next to a live call. */
public enum NextEvent {
    /** Start dialing: the call is initiated and rings. */
    DIAL,
    /** The callee answers. */
    ANSWER,
    /** Fetch (or read) the call's TwiML and plan the rest of the call from it. */
    RUN_TWIML,
    /**
     * The call's {@code <Dial>} is over: request its action (with the dial's outcome in the call's
     * TwiML parameters), or go on with the verb after it.
     */
    DIAL_DONE,
    /**
     * The call's {@code <Gather>} heard nothing in time: its action is requested without input
     * ({@code actionOnEmptyResult}), or the call goes on with the verb after it.
     */
    GATHER_DONE,
    END_COMPLETED,
    END_BUSY,
    END_FAILED,
    END_NO_ANSWER,
    /** A Dial leg that lost: another leg answered first, or the dial ended. */
    END_CANCELED;

    public CallStatus endStatus() {
        return switch (this) {
            case END_COMPLETED -> CallStatus.COMPLETED;
            case END_BUSY -> CallStatus.BUSY;
            case END_FAILED -> CallStatus.FAILED;
            case END_NO_ANSWER -> CallStatus.NO_ANSWER;
            case END_CANCELED -> CallStatus.CANCELED;
            default -> null;
        };
    }
}
