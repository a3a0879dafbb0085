package dev.dialtone.twiml;

import dev.dialtone.web.WebhookMethod;
import java.time.Duration;
import java.util.List;

/**
 * What a TwiML document does to a call: it runs for {@code elapsed}, then ends as {@code ending}
 * says; a {@link Ending#REDIRECT} goes on with the document at {@code redirectUrl}.
 *
 * @param notes what Dialtone did not simulate, for the log
 */
public record TwimlPlan(
        Duration elapsed,
        Ending ending,
        String redirectUrl,
        WebhookMethod redirectMethod,
        List<String> notes) {

    public enum Ending {
        /** {@code <Hangup>}, or the document ran out: the call completes. */
        HANG_UP,
        /** {@code <Reject reason="busy">}. */
        REJECT_BUSY,
        /** {@code <Reject>} (reason rejected): the callee never took the call. */
        REJECT_NO_ANSWER,
        /** {@code <Redirect>}: fetch the next document. */
        REDIRECT
    }
}
