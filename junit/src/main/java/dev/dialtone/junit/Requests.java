package dev.dialtone.junit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A view of the requests Dialtone made, narrowed by filters and read when asked: {@link #list()}
 * now, or {@link #await()} until one matches.
 *
 * <pre>{@code
 * Request completed = dialtone.requests().call(sid).statusCallbacks().with("CallStatus", "completed").await();
 * }</pre>
 */
public final class Requests {

    private final Dialtone dialtone;
    private final String callSid;
    private final Predicate<Request> filter;

    Requests(Dialtone dialtone, String callSid) {
        this(dialtone, callSid, r -> true);
    }

    private Requests(Dialtone dialtone, String callSid, Predicate<Request> filter) {
        this.dialtone = dialtone;
        this.callSid = callSid;
        this.filter = filter;
    }

    /** Only those made for this call. */
    public Requests call(String callSid) {
        return new Requests(dialtone, callSid, filter);
    }

    /** Only the status callbacks. */
    public Requests statusCallbacks() {
        return matching(Request::isStatusCallback);
    }

    /** Only the TwiML fetches (and their fallbacks). */
    public Requests twimlFetches() {
        return matching(r -> r.kind().startsWith("twiml"));
    }

    /** Only those that carried this parameter with this value. */
    public Requests with(String parameter, String value) {
        return matching(r -> value.equals(r.parameter(parameter)));
    }

    /** Only those whose URL starts with {@code prefix}. */
    public Requests toUrl(String prefix) {
        return matching(r -> r.url().startsWith(prefix));
    }

    public Requests matching(Predicate<Request> more) {
        return new Requests(dialtone, callSid, filter.and(more));
    }

    /** The matching requests made so far, in the order they were made. */
    public List<Request> list() {
        List<Request> matched = new ArrayList<>();
        for (Request r : dialtone.requestsOf(callSid)) {
            if (filter.test(r)) {
                matched.add(r);
            }
        }
        return matched;
    }

    /** The first matching request, if one was made. */
    public Optional<Request> first() {
        return list().stream().findFirst();
    }

    /**
     * The first matching request, waiting for it up to the handle's timeout (on a stopped clock
     * nothing new comes until the clock is advanced, so there an advance then {@link #first()}
     * reads it at once).
     */
    public Request await() {
        Instant deadline = Instant.now().plus(dialtone.awaitTimeout());
        while (true) {
            Optional<Request> found = first();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "No matching request within "
                                + dialtone.awaitTimeout()
                                + (callSid == null ? "" : " for " + callSid)
                                + "; made so far: "
                                + new Requests(dialtone, callSid).list());
            }
            CallAwait.pause();
        }
    }
}
