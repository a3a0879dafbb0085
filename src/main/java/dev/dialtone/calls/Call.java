package dev.dialtone.calls;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call: what the resource shows, what its create request asked for, and the lifecycle's next due
 * event. State changes only through the guarded methods below, never through setters.
 */
public class Call {

    public static final String DIRECTION_OUTBOUND_API = "outbound-api";

    /** Every column of a call's row, in the order {@link #read} and {@link #columnValues} use. */
    static final String COLUMNS =
            "sid, account_sid, parent_call_sid, to_endpoint, to_formatted, from_endpoint,"
                    + " from_formatted, phone_number_sid, status, direction, answered_by, forwarded_from, group_sid, caller_name,"
                    + " trunk_sid, date_created, date_updated, start_time, end_time, duration, price, price_unit, queue_time, url,"
                    + " method, twiml, application_sid, fallback_url, fallback_method, status_callback, status_callback_method,"
                    + " status_callback_events, send_digits, timeout_seconds, time_limit_seconds, record_call, recording_channels,"
                    + " recording_status_callback, recording_status_callback_method, recording_status_callback_events,"
                    + " recording_track, trim_mode, sip_auth_username, sip_auth_password, machine_detection,"
                    + " machine_detection_timeout, machine_detection_speech_threshold, machine_detection_speech_end_threshold,"
                    + " machine_detection_silence_timeout, async_amd, async_amd_status_callback, async_amd_status_callback_method,"
                    + " byoc, call_reason, call_token, caller_id, client_notification_url, next_event, next_event_at, answer_time,"
                    + " sip_response_code, twiml_url, twiml_method, twiml_document, hold_status, callback_sequence, idle_redirects, version";

    private String sid;
    private String accountSid;
    private String parentCallSid;
    private String to;
    private String toFormatted;
    private String from;
    private String fromFormatted;
    private String phoneNumberSid;
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
    private WebhookMethod method;
    private String twiml;
    private String applicationSid;
    private String fallbackUrl;
    private WebhookMethod fallbackMethod;
    private String statusCallback;
    private WebhookMethod statusCallbackMethod;

    /** Space-separated, as Twilio documents the parameter. */
    private String statusCallbackEvents;

    private String sendDigits;
    private int timeout;
    private Integer timeLimit;
    private boolean record;
    private String recordingChannels;
    private String recordingStatusCallback;
    private WebhookMethod recordingStatusCallbackMethod;
    private String recordingStatusCallbackEvents;
    private String recordingTrack;
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
    private WebhookMethod asyncAmdStatusCallbackMethod;
    private String byoc;
    private String callReason;
    private String callToken;
    private String callerId;
    private String clientNotificationUrl;

    /**
     * The lifecycle's next event for this call and when it is due; null once the call has ended.
     */
    private NextEvent nextEvent;

    /** Null while an operator holds the call, so no claim picks it up. */
    private Instant nextEventAt;

    private Instant answerTime;
    private Integer sipResponseCode;

    /** The TwiML the call runs next: a URL to fetch with its method, or a document. */
    private String twimlUrl;

    private WebhookMethod twimlMethod;
    private String twimlDocument;

    /** An operator's hold: the call stays in this status until released. */
    private CallStatus holdStatus;

    /** Status callbacks sent so far; the next one's SequenceNumber. */
    private int callbackSequence;

    /**
     * {@code <Redirect>}s followed in a row by documents that took (next to) no time: a loop, past
     * a bound.
     */
    private int idleRedirects;

    /**
     * Counts the stored changes: a TwiML fetch remembers the version it was started for, and its
     * result counts only if nothing changed the call meanwhile.
     */
    private long version;

    private Call() {}

    /** The call stored in the current row, read in the order of {@link #COLUMNS}. */
    static Call read(ResultSet rs) throws SQLException {
        Call c = new Call();
        int i = 0;
        c.sid = rs.getString(++i);
        c.accountSid = rs.getString(++i);
        c.parentCallSid = rs.getString(++i);
        c.to = rs.getString(++i);
        c.toFormatted = rs.getString(++i);
        c.from = rs.getString(++i);
        c.fromFormatted = rs.getString(++i);
        c.phoneNumberSid = rs.getString(++i);
        c.status = CallStatus.valueOf(rs.getString(++i));
        c.direction = rs.getString(++i);
        c.answeredBy = rs.getString(++i);
        c.forwardedFrom = rs.getString(++i);
        c.groupSid = rs.getString(++i);
        c.callerName = rs.getString(++i);
        c.trunkSid = rs.getString(++i);
        c.dateCreated = DatabaseTime.read(rs, ++i);
        c.dateUpdated = DatabaseTime.read(rs, ++i);
        c.startTime = DatabaseTime.read(rs, ++i);
        c.endTime = DatabaseTime.read(rs, ++i);
        c.duration = rs.getObject(++i, Integer.class);
        c.price = rs.getBigDecimal(++i);
        c.priceUnit = rs.getString(++i);
        c.queueTime = rs.getObject(++i, Long.class);
        c.url = rs.getString(++i);
        c.method = Columns.method(rs, ++i);
        c.twiml = rs.getString(++i);
        c.applicationSid = rs.getString(++i);
        c.fallbackUrl = rs.getString(++i);
        c.fallbackMethod = Columns.method(rs, ++i);
        c.statusCallback = rs.getString(++i);
        c.statusCallbackMethod = Columns.method(rs, ++i);
        c.statusCallbackEvents = rs.getString(++i);
        c.sendDigits = rs.getString(++i);
        c.timeout = rs.getInt(++i);
        c.timeLimit = rs.getObject(++i, Integer.class);
        c.record = rs.getBoolean(++i);
        c.recordingChannels = rs.getString(++i);
        c.recordingStatusCallback = rs.getString(++i);
        c.recordingStatusCallbackMethod = Columns.method(rs, ++i);
        c.recordingStatusCallbackEvents = rs.getString(++i);
        c.recordingTrack = rs.getString(++i);
        c.trim = rs.getString(++i);
        c.sipAuthUsername = rs.getString(++i);
        c.sipAuthPassword = rs.getString(++i);
        c.machineDetection = rs.getString(++i);
        c.machineDetectionTimeout = rs.getObject(++i, Integer.class);
        c.machineDetectionSpeechThreshold = rs.getObject(++i, Integer.class);
        c.machineDetectionSpeechEndThreshold = rs.getObject(++i, Integer.class);
        c.machineDetectionSilenceTimeout = rs.getObject(++i, Integer.class);
        c.asyncAmd = rs.getObject(++i, Boolean.class);
        c.asyncAmdStatusCallback = rs.getString(++i);
        c.asyncAmdStatusCallbackMethod = Columns.method(rs, ++i);
        c.byoc = rs.getString(++i);
        c.callReason = rs.getString(++i);
        c.callToken = rs.getString(++i);
        c.callerId = rs.getString(++i);
        c.clientNotificationUrl = rs.getString(++i);
        String event = rs.getString(++i);
        c.nextEvent = event == null ? null : NextEvent.valueOf(event);
        c.nextEventAt = DatabaseTime.read(rs, ++i);
        c.answerTime = DatabaseTime.read(rs, ++i);
        c.sipResponseCode = rs.getObject(++i, Integer.class);
        c.twimlUrl = rs.getString(++i);
        c.twimlMethod = Columns.method(rs, ++i);
        c.twimlDocument = rs.getString(++i);
        String hold = rs.getString(++i);
        c.holdStatus = hold == null ? null : CallStatus.valueOf(hold);
        c.callbackSequence = rs.getInt(++i);
        c.idleRedirects = rs.getInt(++i);
        c.version = rs.getLong(++i);
        return c;
    }

    /** The values of {@link #COLUMNS}, as JDBC parameters. */
    Object[] columnValues() {
        return new Object[] {
            sid,
            accountSid,
            parentCallSid,
            to,
            toFormatted,
            from,
            fromFormatted,
            phoneNumberSid,
            status.name(),
            direction,
            answeredBy,
            forwardedFrom,
            groupSid,
            callerName,
            trunkSid,
            DatabaseTime.utc(dateCreated),
            DatabaseTime.utc(dateUpdated),
            DatabaseTime.utc(startTime),
            DatabaseTime.utc(endTime),
            duration,
            price,
            priceUnit,
            queueTime,
            url,
            Columns.name(method),
            twiml,
            applicationSid,
            fallbackUrl,
            Columns.name(fallbackMethod),
            statusCallback,
            Columns.name(statusCallbackMethod),
            statusCallbackEvents,
            sendDigits,
            timeout,
            timeLimit,
            record,
            recordingChannels,
            recordingStatusCallback,
            Columns.name(recordingStatusCallbackMethod),
            recordingStatusCallbackEvents,
            recordingTrack,
            trim,
            sipAuthUsername,
            sipAuthPassword,
            machineDetection,
            machineDetectionTimeout,
            machineDetectionSpeechThreshold,
            machineDetectionSpeechEndThreshold,
            machineDetectionSilenceTimeout,
            asyncAmd,
            asyncAmdStatusCallback,
            Columns.name(asyncAmdStatusCallbackMethod),
            byoc,
            callReason,
            callToken,
            callerId,
            clientNotificationUrl,
            Columns.name(nextEvent),
            DatabaseTime.utc(nextEventAt),
            DatabaseTime.utc(answerTime),
            sipResponseCode,
            twimlUrl,
            Columns.name(twimlMethod),
            twimlDocument,
            Columns.name(holdStatus),
            callbackSequence,
            idleRedirects,
            version
        };
    }

    /** The call is stored with its changes: one more version. */
    void stored() {
        version++;
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
        require(!status.isEnded() && finalStatus.isEnded(), "end as " + finalStatus.wire());
        if (finalStatus == CallStatus.COMPLETED) {
            Instant answered =
                    answerTime != null ? answerTime : startTime != null ? startTime : now;
            duration = (int) Duration.between(answered, now).toSeconds();
            long minutes = Math.max(1, (duration + 59) / 60);
            price =
                    pricePerMinute
                            .multiply(BigDecimal.valueOf(minutes))
                            .negate()
                            .setScale(5, java.math.RoundingMode.HALF_UP);
        }
        status = finalStatus;
        sipResponseCode = sipCode;
        endTime = now;
        dateUpdated = now;
        nextEvent = null;
        nextEventAt = null;
    }

    /** An ending the lifecycle has planned, with the SIP code it will report. */
    public void schedule(NextEvent event, Instant at, Integer plannedSipResponseCode) {
        schedule(event, at);
        sipResponseCode = plannedSipResponseCode;
    }

    /**
     * The lifecycle's next step. While an operator holds the call in its status, a step that would
     * move it on is parked (not due); running new TwiML keeps the status, so it goes ahead.
     */
    public void schedule(NextEvent event, Instant at) {
        require(!status.isEnded(), "schedule " + event);
        nextEvent = event;
        nextEventAt = movesOnFromHold(event) ? null : at;
    }

    private boolean movesOnFromHold(NextEvent event) {
        return status == holdStatus && event != NextEvent.RUN_TWIML;
    }

    /** Which TwiML the call runs next. */
    public void runTwiml(String documentUrl, WebhookMethod documentMethod, String document) {
        twimlUrl = documentUrl;
        twimlMethod = documentMethod == null ? WebhookMethod.POST : documentMethod;
        twimlDocument = document;
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
            throw new IllegalStateException(
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
