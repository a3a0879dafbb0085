package dev.dialtone.calls;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.Sids;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads, changes and removes calls; every change is committed before the client hears of
 * it.
 */
@Service
public class CallService {

    private final CallStore calls;
    private final CallViews views;
    private final CallQueries queries;
    private final Clock clock;
    private final CallPricing pricing;
    private final ApplicationEventPublisher events;
    private final OutboundTargets targets;
    private final CallerIds callerIds;
    private final CallsProperties properties;
    private final GroupCommit commits;

    CallService(
            CallStore calls,
            CallViews views,
            CallQueries queries,
            Clock clock,
            CallPricing pricing,
            ApplicationEventPublisher events,
            OutboundTargets targets,
            CallerIds callerIds,
            CallsProperties properties,
            GroupCommit commits) {
        this.commits = commits;
        this.calls = calls;
        this.views = views;
        this.queries = queries;
        this.clock = clock;
        this.pricing = pricing;
        this.events = events;
        this.targets = targets;
        this.callerIds = callerIds;
        this.properties = properties;
    }

    /**
     * The call is durable when this returns: its INSERT commits with the creates that arrived
     * beside it ({@link GroupCommit}).
     */
    public Call create(String accountSid, NewCall request) {
        targets.check(request);
        if (properties.validateFrom()
                && Endpoints.isPhoneNumber(request.from())
                && !TestNumbers.VALID_FROM.equals(request.from())
                && !callerIds.owns(accountSid, request.from())) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.FROM_NOT_VERIFIED,
                    "The source phone number provided, "
                            + request.from()
                            + ", is not yet verified for your account. You may only make calls"
                            + " from phone numbers that you've verified or purchased from Twilio.");
        }
        Call call = Call.queue(Sids.next("CA", clock), accountSid, request, now());
        events.publishEvent(new CallEvents.Queued(call));
        commits.store(call);
        return call;
    }

    /** One query, no transaction: the hottest read there is. */
    public CallView fetch(String accountSid, String callSid, String path) {
        return views.find(accountSid, callSid).orElseThrow(() -> TwilioException.notFound(path));
    }

    @Transactional
    public Call update(String accountSid, String callSid, CallUpdate update, String path) {
        return update(accountSid, callSid, update, path, null);
    }

    /** An update, told to the call's events with the form it came with. */
    @Transactional
    public Call update(
            String accountSid,
            String callSid,
            CallUpdate update,
            String path,
            Map<String, List<String>> form) {
        long started = System.nanoTime();
        targets.check(update);
        Call call = lock(accountSid, callSid, path);
        boolean ended = call.update(update, now(), pricing.pricePerMinute());
        events.publishEvent(new CallEvents.Changed(call, ended));
        calls.save(call);
        if (form != null) {
            events.publishEvent(
                    new CallEvents.Requested(
                            call,
                            "POST",
                            path,
                            form,
                            200,
                            Duration.ofNanos(System.nanoTime() - started).toMillis()));
        }
        return call;
    }

    @Transactional
    public void delete(String accountSid, String callSid, String path) {
        Call call = lock(accountSid, callSid, path);
        if (call.isLive()) {
            throw new CallStateException(
                    CallStateException.Kind.DELETE_WHILE_LIVE,
                    "Call " + callSid + " is still live");
        }
        calls.delete(callSid);
        events.publishEvent(new CallEvents.Deleted(callSid));
    }

    CallQueries.Slice list(String accountSid, CallFilter filter, CallPageRequest page) {
        return queries.page(accountSid, filter, page);
    }

    /** The account's call, locked against the lifecycle until the transaction ends. */
    private Call lock(String accountSid, String callSid, String path) {
        return calls.lock(callSid)
                .filter(call -> call.accountSid().equals(accountSid))
                .orElseThrow(() -> TwilioException.notFound(path));
    }

    /** Databases keep microseconds; so does every time Dialtone stores. */
    private Instant now() {
        return DatabaseTime.now(clock);
    }
}
