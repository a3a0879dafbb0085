package dev.dialtone.calls;

import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;

/** Errors about a call's state. */
final class CallErrors {
    private CallErrors() {}

    static TwilioException notInProgress() {
        return TwilioException.badRequest(
                TwilioErrorCodes.CALL_NOT_IN_PROGRESS, "Call is not in-progress. Cannot redirect.");
    }

    static TwilioException deleteWhileLive() {
        return TwilioException.badRequest(
                TwilioErrorCodes.DELETE_BEFORE_COMPLETE,
                "Cannot delete this resource before it is complete");
    }
}
