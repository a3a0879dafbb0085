package dev.dialtone.calls;

/**
 * A call was asked for what its state does not allow: the one error the call's transitions raise.
 */
public class CallStateException extends RuntimeException {

    /** What was refused. */
    public enum Kind {
        /** Redirecting or ending a call that has ended. */
        NOT_IN_PROGRESS,
        /** Deleting a call that is still live. */
        DELETE_WHILE_LIVE,
        /**
         * Any other transition from the wrong state (dialing a call twice, answering an ended one).
         */
        TRANSITION_REFUSED
    }

    private final Kind kind;

    CallStateException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
