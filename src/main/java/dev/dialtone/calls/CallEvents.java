package dev.dialtone.calls;

import java.util.List;
import java.util.Map;

/**
 * What the calls module tells the modules above it, as application events published in the caller's
 * thread and transaction: it knows none of its listeners.
 */
public final class CallEvents {
    private CallEvents() {}

    /** A new call, about to be stored: listeners plan its first step on it. */
    public record Queued(Call call) {}

    /** The new call is stored (and committed). */
    public record Created(Call call) {}

    /**
     * An API update changed the call, inside its transaction, before it is saved; {@code ended} if
     * it ended it.
     */
    public record Changed(Call call, boolean ended) {}

    /**
     * A REST request changed the call (an update), inside its transaction: what was asked and what
     * was answered, for the call's events.
     *
     * @param parameters the form fields as the client sent them
     */
    public record Requested(
            Call call,
            String method,
            String path,
            Map<String, List<String>> parameters,
            int status,
            long millis) {}

    /** The call is deleted, inside the delete's transaction. */
    public record Deleted(String callSid) {}
}
