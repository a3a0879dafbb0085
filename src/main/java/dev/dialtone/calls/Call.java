package dev.dialtone.calls;

import dev.dialtone.web.WebhookMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call: what the resource shows, what its create request asked for, and the lifecycle's next due
 * event. State changes only through the guarded methods below, never through setters.
 */
public class Call {

    public static final String DIRECTION_OUTBOUND_API = "outbound-api";
    public static final String DIRECTION_OUTBOUND_DIAL = "outbound-dial";
    public static final String DIRECTION_INBOUND = "inbound";

    String sid;
    String accountSid;
    String parentCallSid;
    String to;
    String toFormatted;
    String from;
    String fromFormatted;
    String phoneNumberSid;
    CallStatus status;
    String direction;
    String answeredBy;
    String forwardedFrom;
    String groupSid;
    String callerName;
    String trunkSid;
    Instant dateCreated;
    Instant dateUpdated;
    Instant startTime;
    Instant endTime;
    Integer duration;
    BigDecimal price;
    String priceUnit;
    Long queueTime;

    String url;
    WebhookMethod method;
    String twiml;
    String applicationSid;
    String fallbackUrl;
    WebhookMethod fallbackMethod;
    String statusCallback;
    WebhookMethod statusCallbackMethod;

    /** Space-separated, as Twilio documents the parameter. */
    String statusCallbackEvents;

    String sendDigits;
    int timeout;
    Integer timeLimit;
    boolean record;
    String recordingChannels;
    String recordingStatusCallback;
    WebhookMethod recordingStatusCallbackMethod;
    String recordingStatusCallbackEvents;
    String recordingTrack;
    String trim;
    String sipAuthUsername;
    String sipAuthPassword;
    String machineDetection;
    Integer machineDetectionTimeout;
    Integer machineDetectionSpeechThreshold;
    Integer machineDetectionSpeechEndThreshold;
    Integer machineDetectionSilenceTimeout;
    Boolean asyncAmd;
    String asyncAmdStatusCallback;
    WebhookMethod asyncAmdStatusCallbackMethod;
    String byoc;
    String callReason;
    String callToken;
    String callerId;
    String clientNotificationUrl;

    /**
     * The lifecycle's next event for this call and when it is due; null once the call has ended.
     */
    NextEvent nextEvent;

    /** Null while an operator holds the call, so no claim picks it up. */
    Instant nextEventAt;

    Instant answerTime;

    /** The SIP code the call ended with; set when it ends. */
    Integer sipResponseCode;

    /** The SIP code the planned ending ({@link #nextEvent}) will report. */
    Integer plannedSipResponseCode;

    /** The TwiML the call runs next: a URL to fetch with its method, or a document. */
    String twimlUrl;

    WebhookMethod twimlMethod;
    String twimlDocument;

    /** An operator's hold: the call stays in this status until released. */
    CallStatus holdStatus;

    /** Status callbacks sent so far; the next one's SequenceNumber. */
    int callbackSequence;

    /**
     * {@code <Redirect>}s followed in a row by documents that took (next to) no time: a loop, past
     * a bound.
     */
    int idleRedirects;

    /** Where the call's stored document goes on: the index of its next verb. */
    int twimlPosition;

    /**
     * Until when the call listens at the {@code <Gather>} at its position; null when it does not.
     */
    Instant listeningUntil;

    /** Time the call spent in {@code <Dial>}s; its own talk time does not run meanwhile. */
    long dialedMillis;

    /** {@code <Gather>}s the call has run: the callee's next answer is the one after these. */
    int gathers;

    /**
     * What the next TwiML request adds to the voice parameters (a Gather's Digits), form-encoded by
     * the lifecycle; null for none.
     */
    String twimlParameters;

    /**
     * Counts the stored changes: a TwiML fetch remembers the version it was started for, and its
     * result counts only if nothing changed the call meanwhile.
     */
    long version;

    private Call() {}

    /** A call with nothing set yet, for the store to fill from a row. */
    static Call empty() {
        return new Call();
    }

    /** The call is stored with its changes: one more version. */
    void stored() {
        version++;
    }

    /**
     * A leg a {@code <Dial>} of {@code parent} places: it rings at once (for {@code timeout} s),
     * runs no TwiML of its own, and talks at most {@code timeLimit} s once answered.
     */
    public static Call dialLeg(String sid, Call parent, NewLeg leg, Instant now) {
        Call call = new Call();
        call.sid = sid;
        call.accountSid = parent.accountSid;
        call.parentCallSid = parent.sid;
        call.to = leg.to();
        call.toFormatted = Endpoints.format(leg.to());
        call.from = leg.from();
        call.fromFormatted = Endpoints.format(leg.from());
        call.status = CallStatus.QUEUED;
        call.direction = DIRECTION_OUTBOUND_DIAL;
        call.dateCreated = now;
        call.dateUpdated = now;
        call.priceUnit = "USD";
        call.queueTime = 0L;
        // The whisper, if any, is what the leg runs when it answers.
        call.url = leg.url();
        call.method = leg.method() == null ? WebhookMethod.POST : leg.method();
        call.fallbackMethod = WebhookMethod.POST;
        call.recordingStatusCallbackMethod = WebhookMethod.POST;
        call.asyncAmdStatusCallbackMethod = WebhookMethod.POST;
        call.statusCallback = leg.statusCallback();
        call.statusCallbackMethod =
                leg.statusCallbackMethod() == null
                        ? WebhookMethod.POST
                        : leg.statusCallbackMethod();
        call.statusCallbackEvents = String.join(" ", leg.statusCallbackEvents());
        call.timeout = leg.timeoutSeconds();
        call.timeLimit = leg.timeLimitSeconds();
        return call;
    }

    /**
     * A call to one of the account's numbers, ringing at once: the number's VoiceUrl is requested
     * (with CallStatus=ringing), and its TwiML answers the call, or rejects it.
     */
    public static Call inbound(String sid, String accountSid, NewInbound ring, Instant now) {
        Call call = new Call();
        call.sid = sid;
        call.accountSid = accountSid;
        call.to = ring.to();
        call.toFormatted = Endpoints.format(ring.to());
        call.from = ring.from();
        call.fromFormatted = Endpoints.format(ring.from());
        call.phoneNumberSid = ring.phoneNumberSid();
        call.callerName = ring.callerName();
        call.forwardedFrom = ring.forwardedFrom();
        call.status = CallStatus.RINGING;
        call.direction = DIRECTION_INBOUND;
        call.dateCreated = now;
        call.dateUpdated = now;
        call.startTime = now;
        call.priceUnit = "USD";
        call.queueTime = 0L;
        call.url = ring.voiceUrl();
        call.method = ring.voiceMethod();
        call.fallbackUrl = ring.voiceFallbackUrl();
        call.fallbackMethod = ring.voiceFallbackMethod();
        call.recordingStatusCallbackMethod = WebhookMethod.POST;
        call.asyncAmdStatusCallbackMethod = WebhookMethod.POST;
        call.statusCallback = ring.statusCallback();
        call.statusCallbackMethod = ring.statusCallbackMethod();
        // A number's StatusCallback hears the call's end.
        call.statusCallbackEvents = "completed";
        call.timeout = 60;
        return call;
    }

    public boolean isInbound() {
        return DIRECTION_INBOUND.equals(direction);
    }

    /** An inbound call rings while its number's TwiML is fetched: that document answers it. */
    public void fetchWhileRinging() {
        require(status == CallStatus.RINGING, "fetch its TwiML while ringing");
        runTwiml(url, method, null);
    }

    /** A new outbound API call, queued. */
    public static Call queue(String sid, String accountSid, NewCall request, Instant now) {
        Call call = new Call();
        call.sid = sid;
        call.accountSid = accountSid;
        call.to = request.to();
        call.toFormatted = Endpoints.format(request.to());
        call.from = request.from();
        call.fromFormatted = Endpoints.format(request.from());
        call.status = CallStatus.QUEUED;
        call.direction = DIRECTION_OUTBOUND_API;
        call.dateCreated = now;
        call.dateUpdated = now;
        call.priceUnit = "USD";
        call.queueTime = 0L;
        call.url = request.url();
        call.method = request.method();
        call.twiml = request.twiml();
        call.applicationSid = request.applicationSid();
        call.fallbackUrl = request.fallbackUrl();
        call.fallbackMethod = request.fallbackMethod();
        call.statusCallback = request.statusCallback();
        call.statusCallbackMethod = request.statusCallbackMethod();
        call.statusCallbackEvents = String.join(" ", request.statusCallbackEvents());
        call.sendDigits = request.sendDigits();
        call.timeout = request.timeout();
        call.timeLimit = request.timeLimit();
        call.record = request.record();
        call.recordingChannels = request.recordingChannels();
        call.recordingStatusCallback = request.recordingStatusCallback();
        call.recordingStatusCallbackMethod = request.recordingStatusCallbackMethod();
        call.recordingStatusCallbackEvents =
                String.join(" ", request.recordingStatusCallbackEvents());
        call.recordingTrack = request.recordingTrack();
        call.trim = request.trim();
        call.sipAuthUsername = request.sipAuthUsername();
        call.sipAuthPassword = request.sipAuthPassword();
        call.machineDetection = request.machineDetection();
        call.machineDetectionTimeout = request.machineDetectionTimeout();
        call.machineDetectionSpeechThreshold = request.machineDetectionSpeechThreshold();
        call.machineDetectionSpeechEndThreshold = request.machineDetectionSpeechEndThreshold();
        call.machineDetectionSilenceTimeout = request.machineDetectionSilenceTimeout();
        call.asyncAmd = request.asyncAmd();
        call.asyncAmdStatusCallback = request.asyncAmdStatusCallback();
        call.asyncAmdStatusCallbackMethod = request.asyncAmdStatusCallbackMethod();
        call.byoc = request.byoc();
        call.callReason = request.callReason();
        call.callToken = request.callToken();
        call.callerId = request.callerId();
        call.clientNotificationUrl = request.clientNotificationUrl();
        return call;
    }

    /**
     * Stores the updatable instructions of an update request; refused once the call has ended.
     * Answers whether the call ended through it.
     */
    boolean update(CallUpdate update, Instant now, BigDecimal pricePerMinute) {
        if (status.isEnded() && (update.redirects() || update.status() != null)) {
            throw new CallStateException(
                    CallStateException.Kind.NOT_IN_PROGRESS,
                    "Call " + sid + " has ended: " + status.wire());
        }
        if (update.redirects()) {
            // Url and Twiml replace each other: the newest instruction is the one that runs.
            url = update.url();
            twiml = update.twiml();
            if (update.method() != null) {
                method = update.method();
            }
        }
        if (update.fallbackUrl() != null) {
            fallbackUrl = update.fallbackUrl();
        }
        if (update.fallbackMethod() != null) {
            fallbackMethod = update.fallbackMethod();
        }
        if (update.statusCallback() != null) {
            statusCallback = update.statusCallback();
        }
        if (update.statusCallbackMethod() != null) {
            statusCallbackMethod = update.statusCallbackMethod();
        }
        if (update.timeLimit() != null) {
            timeLimit = update.timeLimit();
        }
        dateUpdated = now;
        if (update.status() == CallStatus.CANCELED
                && (status == CallStatus.QUEUED || status == CallStatus.RINGING)) {
            // Canceling leaves a call in progress alone, as Twilio does.
            finish(CallStatus.CANCELED, null, now, pricePerMinute);
            return true;
        }
        if (update.status() == CallStatus.COMPLETED) {
            // Hanging up ends any live call; one never answered counts as canceled.
            finish(
                    status == CallStatus.IN_PROGRESS ? CallStatus.COMPLETED : CallStatus.CANCELED,
                    null,
                    now,
                    pricePerMinute);
            return true;
        }
        if (update.redirects() && status == CallStatus.IN_PROGRESS) {
            // The new instructions replace the running TwiML at once.
            runTwiml(url, method, twiml);
            schedule(NextEvent.RUN_TWIML, now);
        }
        return false;
    }

    // The lifecycle's transitions. Each refuses to run from the wrong state.

    /** Dialing starts: the call leaves the queue and rings. */
    public void startDialing(Instant now) {
        require(status == CallStatus.QUEUED, "start dialing");
        startTime = now;
        queueTime = Duration.between(dateCreated, now).toMillis();
        status = CallStatus.RINGING;
        dateUpdated = now;
    }

    /** The callee answers; the call's own Url or Twiml runs first. */
    public void answer(Instant now, String answeredBy) {
        require(status == CallStatus.RINGING, "answer");
        status = CallStatus.IN_PROGRESS;
        answerTime = now;
        this.answeredBy = answeredBy;
        dateUpdated = now;
        runTwiml(url, method, twiml);
    }

    /** Ends a live call with its final status, duration and price. */
    public void finish(
            CallStatus finalStatus, Integer sipCode, Instant now, BigDecimal pricePerMinute) {
        require(
                !status.isEnded()
                        && finalStatus.isEnded()
                        && (finalStatus != CallStatus.COMPLETED
                                || status == CallStatus.IN_PROGRESS),
                "end as " + finalStatus.wire());
        if (finalStatus == CallStatus.COMPLETED) {
            // Only an answered call completes, so its talk time starts at the answer.
            duration = (int) Duration.between(answerTime, now).toSeconds();
            long minutes = Math.max(1, (duration + 59) / 60);
            price =
                    pricePerMinute
                            .multiply(BigDecimal.valueOf(minutes))
                            .negate()
                            .setScale(5, RoundingMode.HALF_UP);
        }
        status = finalStatus;
        sipResponseCode = sipCode;
        plannedSipResponseCode = null;
        endTime = now;
        dateUpdated = now;
        nextEvent = null;
        nextEventAt = null;
    }

    /** An ending the lifecycle has planned, with the SIP code it will report. */
    public void schedule(NextEvent event, Instant at, Integer plannedSipResponseCode) {
        schedule(event, at);
        this.plannedSipResponseCode = plannedSipResponseCode;
    }

    /**
     * The lifecycle's next step. While an operator holds the call in its status, a step that would
     * move it on is parked (not due); running new TwiML keeps the status, so it goes ahead.
     */
    public void schedule(NextEvent event, Instant at) {
        require(!status.isEnded(), "schedule " + event);
        nextEvent = event;
        plannedSipResponseCode = null;
        nextEventAt = movesOnFromHold(event) ? null : at;
    }

    private boolean movesOnFromHold(NextEvent event) {
        return status == holdStatus && event != NextEvent.RUN_TWIML;
    }

    /** Which TwiML the call runs next. */
    public void runTwiml(String documentUrl, WebhookMethod documentMethod, String document) {
        runTwiml(documentUrl, documentMethod, document, null);
    }

    /** Which TwiML the call runs next, requested with {@code parameters} beside the usual ones. */
    public void runTwiml(
            String documentUrl, WebhookMethod documentMethod, String document, String parameters) {
        twimlUrl = documentUrl;
        twimlMethod = documentMethod == null ? WebhookMethod.POST : documentMethod;
        twimlDocument = document;
        twimlParameters = parameters;
        twimlPosition = 0;
        listeningUntil = null;
    }

    /**
     * The call listens at the {@code <Gather>} at {@code position} of {@code document} (kept) until
     * {@code until}, when it goes on as a Gather that heard nothing does.
     */
    public void listenUntil(String documentUrl, String document, int position, Instant until) {
        twimlUrl = documentUrl;
        twimlDocument = document;
        twimlPosition = position;
        twimlParameters = null;
        listeningUntil = until;
        schedule(NextEvent.GATHER_DONE, until);
    }

    /** Whether input given now reaches a {@code <Gather>} of the call. */
    public boolean isListening(Instant now) {
        return status == CallStatus.IN_PROGRESS
                && nextEvent == NextEvent.GATHER_DONE
                && listeningUntil != null
                && !now.isAfter(listeningUntil);
    }

    /** The call's Gather heard nothing and had no action to request: it goes on after it. */
    public void goOnAfterGather() {
        twimlPosition++;
        listeningUntil = null;
    }

    public Instant listeningUntil() {
        return listeningUntil;
    }

    /**
     * The call waits in the {@code <Dial>} at {@code position} of {@code document} (kept, so the
     * call can go on after it) until the dial is over at {@code over}, with its outcome as the
     * parameters of what comes next.
     */
    public void dialUntil(
            String documentUrl,
            String document,
            int position,
            Instant over,
            String outcome,
            Instant now) {
        twimlUrl = documentUrl;
        twimlDocument = document;
        twimlPosition = position;
        twimlParameters = outcome;
        dialedMillis += Duration.between(now, over).toMillis();
        schedule(NextEvent.DIAL_DONE, over);
    }

    /**
     * The call's Dial is over at another time than planned (its leg hung up, or was bridged after
     * its whisper): it ends at {@code over}, with this outcome instead, its dial time counted anew.
     */
    public void endDialAt(Instant over, String outcome) {
        if (nextEvent != NextEvent.DIAL_DONE || nextEventAt == null) {
            throw new IllegalStateException("call " + sid + " is not dialing");
        }
        dialedMillis += Duration.between(nextEventAt, over).toMillis();
        twimlParameters = outcome;
        schedule(NextEvent.DIAL_DONE, over);
    }

    /** The call's Dial is over and had no action: it goes on with the verb after it. */
    public void goOnAfterDial() {
        twimlPosition++;
        twimlParameters = null;
    }

    /** Where the stored document goes on, before the call runs it from there. */
    public void continueAt(int position) {
        twimlPosition = position;
    }

    /** Whether a phone, client or SIP address Twilio would call. */
    public static boolean isEndpoint(String value) {
        return Endpoints.isValid(value);
    }

    public int twimlPosition() {
        return twimlPosition;
    }

    public long dialedMillis() {
        return dialedMillis;
    }

    /** The callee has answered {@code count} more Gathers. */
    public void countGathers(int count) {
        gathers += count;
    }

    public int gathers() {
        return gathers;
    }

    public String twimlParameters() {
        return twimlParameters;
    }

    /** Keeps the call in {@code status} (ringing or in-progress) once it gets there. */
    public void hold(CallStatus status, Instant now) {
        require(!this.status.isEnded(), "hold");
        holdStatus = status;
        if (nextEvent != null && movesOnFromHold(nextEvent)) {
            nextEventAt = null;
        }
        dateUpdated = now;
    }

    /** Lets a held call go on: whatever it was waiting for happens now. */
    public void release(Instant now) {
        holdStatus = null;
        if (nextEvent != null && nextEventAt == null) {
            nextEventAt = now;
        }
    }

    /**
     * Counts a redirect: answers how many in a row came from documents that took no time, this one
     * included.
     */
    public int countRedirect(boolean idle) {
        idleRedirects = idle ? idleRedirects + 1 : 0;
        return idleRedirects;
    }

    public int takeCallbackSequence() {
        return callbackSequence++;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new CallStateException(
                    CallStateException.Kind.TRANSITION_REFUSED,
                    "Call " + sid + " cannot " + transition + " while " + status.wire());
        }
    }

    public boolean isLive() {
        return !status.isEnded();
    }

    public String sid() {
        return sid;
    }

    public String accountSid() {
        return accountSid;
    }

    public String parentCallSid() {
        return parentCallSid;
    }

    public String to() {
        return to;
    }

    public String toFormatted() {
        return toFormatted;
    }

    public String from() {
        return from;
    }

    public String fromFormatted() {
        return fromFormatted;
    }

    public String phoneNumberSid() {
        return phoneNumberSid;
    }

    public CallStatus status() {
        return status;
    }

    public String direction() {
        return direction;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public String forwardedFrom() {
        return forwardedFrom;
    }

    public String groupSid() {
        return groupSid;
    }

    public String callerName() {
        return callerName;
    }

    public String trunkSid() {
        return trunkSid;
    }

    public Instant dateCreated() {
        return dateCreated;
    }

    public Instant dateUpdated() {
        return dateUpdated;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public Integer duration() {
        return duration;
    }

    public BigDecimal price() {
        return price;
    }

    public String priceUnit() {
        return priceUnit;
    }

    public Long queueTime() {
        return queueTime;
    }

    public String url() {
        return url;
    }

    public WebhookMethod method() {
        return method;
    }

    public String twiml() {
        return twiml;
    }

    public String applicationSid() {
        return applicationSid;
    }

    public String fallbackUrl() {
        return fallbackUrl;
    }

    public WebhookMethod fallbackMethod() {
        return fallbackMethod;
    }

    public String statusCallback() {
        return statusCallback;
    }

    public WebhookMethod statusCallbackMethod() {
        return statusCallbackMethod;
    }

    public List<String> statusCallbackEvents() {
        return statusCallbackEvents.isEmpty()
                ? List.of()
                : List.of(statusCallbackEvents.split(" "));
    }

    public String sendDigits() {
        return sendDigits;
    }

    public int timeout() {
        return timeout;
    }

    public Integer timeLimit() {
        return timeLimit;
    }

    public boolean record() {
        return record;
    }

    public String recordingChannels() {
        return recordingChannels;
    }

    public String recordingStatusCallback() {
        return recordingStatusCallback;
    }

    public WebhookMethod recordingStatusCallbackMethod() {
        return recordingStatusCallbackMethod;
    }

    /** The recording events the call's recording callback hears; {@code completed} by default. */
    public List<String> recordingStatusCallbackEvents() {
        return recordingStatusCallbackEvents == null || recordingStatusCallbackEvents.isEmpty()
                ? List.of("completed")
                : List.of(recordingStatusCallbackEvents.split(" "));
    }

    public String recordingTrack() {
        return recordingTrack;
    }

    public String trim() {
        return trim;
    }

    public String sipAuthUsername() {
        return sipAuthUsername;
    }

    public String machineDetection() {
        return machineDetection;
    }

    public Integer machineDetectionTimeout() {
        return machineDetectionTimeout;
    }

    public String asyncAmdStatusCallback() {
        return asyncAmdStatusCallback;
    }

    public WebhookMethod asyncAmdStatusCallbackMethod() {
        return asyncAmdStatusCallbackMethod == null
                ? WebhookMethod.POST
                : asyncAmdStatusCallbackMethod;
    }

    public Boolean asyncAmd() {
        return asyncAmd;
    }

    public String byoc() {
        return byoc;
    }

    public String callReason() {
        return callReason;
    }

    public String callToken() {
        return callToken;
    }

    public String callerId() {
        return callerId;
    }

    public String clientNotificationUrl() {
        return clientNotificationUrl;
    }

    public NextEvent nextEvent() {
        return nextEvent;
    }

    public Instant nextEventAt() {
        return nextEventAt;
    }

    public Instant answerTime() {
        return answerTime;
    }

    public Integer sipResponseCode() {
        return sipResponseCode;
    }

    public Integer plannedSipResponseCode() {
        return plannedSipResponseCode;
    }

    public String twimlUrl() {
        return twimlUrl;
    }

    public WebhookMethod twimlMethod() {
        return twimlMethod;
    }

    public String twimlDocument() {
        return twimlDocument;
    }

    public CallStatus holdStatus() {
        return holdStatus;
    }

    public long version() {
        return version;
    }
}
