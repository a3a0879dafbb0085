package dev.dialtone.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call: what the resource shows, what its create request asked for, and the lifecycle's next
 * due event. State changes only through the guarded methods below, never through setters.
 */
@Entity
@Table(name = "calls")
public class Call {

    public static final String DIRECTION_OUTBOUND_API = "outbound-api";

    @Id
    private String sid;

    private String accountSid;
    private String parentCallSid;

    @Column(name = "to_endpoint")
    private String to;

    private String toFormatted;

    @Column(name = "from_endpoint")
    private String from;

    private String fromFormatted;
    private String phoneNumberSid;

    @Enumerated(EnumType.STRING)
    private CallStatus status;

    private String direction;
    private String answeredBy;
    private String forwardedFrom;
    private String groupSid;
    private String callerName;
    private String trunkSid;
    private Instant dateCreated;
    private Instant dateUpdated;
    private Instant startTime;
    private Instant endTime;
    private Integer duration;
    private BigDecimal price;
    private String priceUnit;
    private Long queueTime;

    private String url;

    @Enumerated(EnumType.STRING)
    private HttpMethod method;

    private String twiml;
    private String applicationSid;
    private String fallbackUrl;

    @Enumerated(EnumType.STRING)
    private HttpMethod fallbackMethod;

    private String statusCallback;

    @Enumerated(EnumType.STRING)
    private HttpMethod statusCallbackMethod;

    /** Space-separated, as Twilio documents the parameter. */
    private String statusCallbackEvents;

    private String sendDigits;

    @Column(name = "timeout_seconds")
    private int timeout;

    @Column(name = "time_limit_seconds")
    private Integer timeLimit;

    @Column(name = "record_call")
    private boolean record;

    private String recordingChannels;
    private String recordingStatusCallback;

    @Enumerated(EnumType.STRING)
    private HttpMethod recordingStatusCallbackMethod;

    private String recordingStatusCallbackEvents;
    private String recordingTrack;

    @Column(name = "trim_mode")
    private String trim;

    private String sipAuthUsername;
    private String sipAuthPassword;
    private String machineDetection;
    private Integer machineDetectionTimeout;
    private Integer machineDetectionSpeechThreshold;
    private Integer machineDetectionSpeechEndThreshold;
    private Integer machineDetectionSilenceTimeout;
    private Boolean asyncAmd;
    private String asyncAmdStatusCallback;

    @Enumerated(EnumType.STRING)
    private HttpMethod asyncAmdStatusCallbackMethod;

    private String byoc;
    private String callReason;
    private String callToken;
    private String callerId;
    private String clientNotificationUrl;

    /** The lifecycle's next event for this call and when it is due; null once the call has ended. */
    private String nextEvent;

    private Instant nextEventAt;

    @Version
    private long version;

    protected Call() {}

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
        call.recordingStatusCallbackEvents = String.join(" ", request.recordingStatusCallbackEvents());
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

    /** Stores the updatable instructions of an update request; refused once the call has ended. */
    void update(CallUpdate update, Instant now) {
        if (status.isEnded() && (update.redirects() || update.status() != null)) {
            throw CallErrors.notInProgress();
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
        if (update.status() == CallStatus.CANCELED) {
            cancel(now);
        } else if (update.status() == CallStatus.COMPLETED) {
            hangUp(now);
        }
        dateUpdated = now;
    }

    /** Ends a call that has not been answered yet; a call in progress is left alone, as Twilio does. */
    void cancel(Instant now) {
        if (status == CallStatus.QUEUED || status == CallStatus.RINGING) {
            end(CallStatus.CANCELED, now);
        }
    }

    /** Ends a live call whatever its state: answered calls complete, unanswered ones are canceled. */
    void hangUp(Instant now) {
        if (status == CallStatus.IN_PROGRESS) {
            end(CallStatus.COMPLETED, now);
        } else if (!status.isEnded()) {
            end(CallStatus.CANCELED, now);
        }
    }

    private void end(CallStatus finalStatus, Instant now) {
        if (finalStatus == CallStatus.COMPLETED && startTime != null) {
            duration = (int) Duration.between(startTime, now).toSeconds();
        }
        status = finalStatus;
        endTime = now;
        dateUpdated = now;
        nextEvent = null;
        nextEventAt = null;
    }

    public boolean isLive() {
        return !status.isEnded();
    }

    public String sid() { return sid; }
    public String accountSid() { return accountSid; }
    public String parentCallSid() { return parentCallSid; }
    public String to() { return to; }
    public String toFormatted() { return toFormatted; }
    public String from() { return from; }
    public String fromFormatted() { return fromFormatted; }
    public String phoneNumberSid() { return phoneNumberSid; }
    public CallStatus status() { return status; }
    public String direction() { return direction; }
    public String answeredBy() { return answeredBy; }
    public String forwardedFrom() { return forwardedFrom; }
    public String groupSid() { return groupSid; }
    public String callerName() { return callerName; }
    public String trunkSid() { return trunkSid; }
    public Instant dateCreated() { return dateCreated; }
    public Instant dateUpdated() { return dateUpdated; }
    public Instant startTime() { return startTime; }
    public Instant endTime() { return endTime; }
    public Integer duration() { return duration; }
    public BigDecimal price() { return price; }
    public String priceUnit() { return priceUnit; }
    public Long queueTime() { return queueTime; }
    public String url() { return url; }
    public HttpMethod method() { return method; }
    public String twiml() { return twiml; }
    public String applicationSid() { return applicationSid; }
    public String fallbackUrl() { return fallbackUrl; }
    public HttpMethod fallbackMethod() { return fallbackMethod; }
    public String statusCallback() { return statusCallback; }
    public HttpMethod statusCallbackMethod() { return statusCallbackMethod; }
    public List<String> statusCallbackEvents() {
        return statusCallbackEvents.isEmpty() ? List.of() : List.of(statusCallbackEvents.split(" "));
    }
    public String sendDigits() { return sendDigits; }
    public int timeout() { return timeout; }
    public Integer timeLimit() { return timeLimit; }
    public boolean record() { return record; }
    public String recordingChannels() { return recordingChannels; }
    public String recordingStatusCallback() { return recordingStatusCallback; }
    public HttpMethod recordingStatusCallbackMethod() { return recordingStatusCallbackMethod; }
    public String recordingTrack() { return recordingTrack; }
    public String trim() { return trim; }
    public String sipAuthUsername() { return sipAuthUsername; }
    public String machineDetection() { return machineDetection; }
    public Integer machineDetectionTimeout() { return machineDetectionTimeout; }
    public Boolean asyncAmd() { return asyncAmd; }
    public String byoc() { return byoc; }
    public String callReason() { return callReason; }
    public String callToken() { return callToken; }
    public String callerId() { return callerId; }
    public String clientNotificationUrl() { return clientNotificationUrl; }
    public String nextEvent() { return nextEvent; }
    public Instant nextEventAt() { return nextEventAt; }
}
