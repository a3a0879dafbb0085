package dev.dialtone.calls;

import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.WebhookMethod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a call sits in its row: one line per column, naming the column, the field it holds and how.
 * Rows are read by column name and written from this same list, so a new column is one migration,
 * one field and one line here. {@code version} is the store's own, outside the list.
 */
final class CallColumns {
    private CallColumns() {}

    /**
     * One column: its name, the JDBC value it stores for a call, and how it sets a call from a row.
     */
    record Column(String name, Function<Call, Object> value, Reader reader) {}

    interface Reader {
        void read(Call call, ResultSet rs, String column) throws SQLException;
    }

    static final List<Column> ALL =
            List.of(
                    text("sid", c -> c.sid, (c, v) -> c.sid = v),
                    text("account_sid", c -> c.accountSid, (c, v) -> c.accountSid = v),
                    text("parent_call_sid", c -> c.parentCallSid, (c, v) -> c.parentCallSid = v),
                    text("to_endpoint", c -> c.to, (c, v) -> c.to = v),
                    text("to_formatted", c -> c.toFormatted, (c, v) -> c.toFormatted = v),
                    text("from_endpoint", c -> c.from, (c, v) -> c.from = v),
                    text("from_formatted", c -> c.fromFormatted, (c, v) -> c.fromFormatted = v),
                    text("phone_number_sid", c -> c.phoneNumberSid, (c, v) -> c.phoneNumberSid = v),
                    status("status", c -> c.status, (c, v) -> c.status = v),
                    text("direction", c -> c.direction, (c, v) -> c.direction = v),
                    text("answered_by", c -> c.answeredBy, (c, v) -> c.answeredBy = v),
                    text("forwarded_from", c -> c.forwardedFrom, (c, v) -> c.forwardedFrom = v),
                    text("group_sid", c -> c.groupSid, (c, v) -> c.groupSid = v),
                    text("caller_name", c -> c.callerName, (c, v) -> c.callerName = v),
                    text("trunk_sid", c -> c.trunkSid, (c, v) -> c.trunkSid = v),
                    time("date_created", c -> c.dateCreated, (c, v) -> c.dateCreated = v),
                    time("date_updated", c -> c.dateUpdated, (c, v) -> c.dateUpdated = v),
                    time("start_time", c -> c.startTime, (c, v) -> c.startTime = v),
                    time("end_time", c -> c.endTime, (c, v) -> c.endTime = v),
                    integer("duration", c -> c.duration, (c, v) -> c.duration = v),
                    decimal("price", c -> c.price, (c, v) -> c.price = v),
                    text("price_unit", c -> c.priceUnit, (c, v) -> c.priceUnit = v),
                    bigint("queue_time", c -> c.queueTime, (c, v) -> c.queueTime = v),
                    text("url", c -> c.url, (c, v) -> c.url = v),
                    method("method", c -> c.method, (c, v) -> c.method = v),
                    text("twiml", c -> c.twiml, (c, v) -> c.twiml = v),
                    text("application_sid", c -> c.applicationSid, (c, v) -> c.applicationSid = v),
                    text("fallback_url", c -> c.fallbackUrl, (c, v) -> c.fallbackUrl = v),
                    method(
                            "fallback_method",
                            c -> c.fallbackMethod,
                            (c, v) -> c.fallbackMethod = v),
                    text("status_callback", c -> c.statusCallback, (c, v) -> c.statusCallback = v),
                    method(
                            "status_callback_method",
                            c -> c.statusCallbackMethod,
                            (c, v) -> c.statusCallbackMethod = v),
                    text(
                            "status_callback_events",
                            c -> c.statusCallbackEvents,
                            (c, v) -> c.statusCallbackEvents = v),
                    text("send_digits", c -> c.sendDigits, (c, v) -> c.sendDigits = v),
                    count("timeout_seconds", c -> c.timeout, (c, v) -> c.timeout = v),
                    integer("time_limit_seconds", c -> c.timeLimit, (c, v) -> c.timeLimit = v),
                    bool("record_call", c -> c.record, (c, v) -> c.record = v),
                    text(
                            "recording_channels",
                            c -> c.recordingChannels,
                            (c, v) -> c.recordingChannels = v),
                    text(
                            "recording_status_callback",
                            c -> c.recordingStatusCallback,
                            (c, v) -> c.recordingStatusCallback = v),
                    method(
                            "recording_status_callback_method",
                            c -> c.recordingStatusCallbackMethod,
                            (c, v) -> c.recordingStatusCallbackMethod = v),
                    text(
                            "recording_status_callback_events",
                            c -> c.recordingStatusCallbackEvents,
                            (c, v) -> c.recordingStatusCallbackEvents = v),
                    text("recording_track", c -> c.recordingTrack, (c, v) -> c.recordingTrack = v),
                    text("trim_mode", c -> c.trim, (c, v) -> c.trim = v),
                    text(
                            "sip_auth_username",
                            c -> c.sipAuthUsername,
                            (c, v) -> c.sipAuthUsername = v),
                    text(
                            "sip_auth_password",
                            c -> c.sipAuthPassword,
                            (c, v) -> c.sipAuthPassword = v),
                    text(
                            "machine_detection",
                            c -> c.machineDetection,
                            (c, v) -> c.machineDetection = v),
                    integer(
                            "machine_detection_timeout",
                            c -> c.machineDetectionTimeout,
                            (c, v) -> c.machineDetectionTimeout = v),
                    integer(
                            "machine_detection_speech_threshold",
                            c -> c.machineDetectionSpeechThreshold,
                            (c, v) -> c.machineDetectionSpeechThreshold = v),
                    integer(
                            "machine_detection_speech_end_threshold",
                            c -> c.machineDetectionSpeechEndThreshold,
                            (c, v) -> c.machineDetectionSpeechEndThreshold = v),
                    integer(
                            "machine_detection_silence_timeout",
                            c -> c.machineDetectionSilenceTimeout,
                            (c, v) -> c.machineDetectionSilenceTimeout = v),
                    flag("async_amd", c -> c.asyncAmd, (c, v) -> c.asyncAmd = v),
                    text(
                            "async_amd_status_callback",
                            c -> c.asyncAmdStatusCallback,
                            (c, v) -> c.asyncAmdStatusCallback = v),
                    method(
                            "async_amd_status_callback_method",
                            c -> c.asyncAmdStatusCallbackMethod,
                            (c, v) -> c.asyncAmdStatusCallbackMethod = v),
                    text("byoc", c -> c.byoc, (c, v) -> c.byoc = v),
                    text("call_reason", c -> c.callReason, (c, v) -> c.callReason = v),
                    text("call_token", c -> c.callToken, (c, v) -> c.callToken = v),
                    text("caller_id", c -> c.callerId, (c, v) -> c.callerId = v),
                    text(
                            "client_notification_url",
                            c -> c.clientNotificationUrl,
                            (c, v) -> c.clientNotificationUrl = v),
                    event("next_event", c -> c.nextEvent, (c, v) -> c.nextEvent = v),
                    time("next_event_at", c -> c.nextEventAt, (c, v) -> c.nextEventAt = v),
                    time("answer_time", c -> c.answerTime, (c, v) -> c.answerTime = v),
                    integer(
                            "sip_response_code",
                            c -> c.sipResponseCode,
                            (c, v) -> c.sipResponseCode = v),
                    text("twiml_url", c -> c.twimlUrl, (c, v) -> c.twimlUrl = v),
                    method("twiml_method", c -> c.twimlMethod, (c, v) -> c.twimlMethod = v),
                    text("twiml_document", c -> c.twimlDocument, (c, v) -> c.twimlDocument = v),
                    status("hold_status", c -> c.holdStatus, (c, v) -> c.holdStatus = v),
                    count(
                            "callback_sequence",
                            c -> c.callbackSequence,
                            (c, v) -> c.callbackSequence = v),
                    count("idle_redirects", c -> c.idleRedirects, (c, v) -> c.idleRedirects = v));

    /** The column names, comma-separated, for SELECT and INSERT. */
    static final String NAMES = String.join(", ", ALL.stream().map(Column::name).toList());

    static Call read(ResultSet rs) throws SQLException {
        Call call = Call.empty();
        for (Column column : ALL) {
            column.reader().read(call, rs, column.name());
        }
        call.version = rs.getLong("version");
        return call;
    }

    /** The JDBC values of {@link #ALL}, in its order. */
    static Object[] values(Call call) {
        Object[] values = new Object[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ALL.get(i).value().apply(call);
        }
        return values;
    }

    private static Column text(
            String name, Function<Call, String> get, BiConsumer<Call, String> set) {
        return new Column(name, get::apply, (c, rs, n) -> set.accept(c, rs.getString(n)));
    }

    private static Column time(
            String name, Function<Call, Instant> get, BiConsumer<Call, Instant> set) {
        return new Column(
                name,
                c -> DatabaseTime.utc(get.apply(c)),
                (c, rs, n) -> {
                    OffsetDateTime value = rs.getObject(n, OffsetDateTime.class);
                    set.accept(c, value == null ? null : value.toInstant());
                });
    }

    private static Column integer(
            String name, Function<Call, Integer> get, BiConsumer<Call, Integer> set) {
        return new Column(
                name, get::apply, (c, rs, n) -> set.accept(c, rs.getObject(n, Integer.class)));
    }

    /** A number that is never null. */
    private static Column count(
            String name, Function<Call, Integer> get, BiConsumer<Call, Integer> set) {
        return new Column(name, get::apply, (c, rs, n) -> set.accept(c, rs.getInt(n)));
    }

    private static Column bigint(
            String name, Function<Call, Long> get, BiConsumer<Call, Long> set) {
        return new Column(
                name, get::apply, (c, rs, n) -> set.accept(c, rs.getObject(n, Long.class)));
    }

    private static Column decimal(
            String name, Function<Call, BigDecimal> get, BiConsumer<Call, BigDecimal> set) {
        return new Column(name, get::apply, (c, rs, n) -> set.accept(c, rs.getBigDecimal(n)));
    }

    private static Column flag(
            String name, Function<Call, Boolean> get, BiConsumer<Call, Boolean> set) {
        return new Column(
                name, get::apply, (c, rs, n) -> set.accept(c, rs.getObject(n, Boolean.class)));
    }

    /** A yes or no that is never null. */
    private static Column bool(
            String name, Function<Call, Boolean> get, BiConsumer<Call, Boolean> set) {
        return new Column(name, get::apply, (c, rs, n) -> set.accept(c, rs.getBoolean(n)));
    }

    private static Column method(
            String name, Function<Call, WebhookMethod> get, BiConsumer<Call, WebhookMethod> set) {
        return enumColumn(name, WebhookMethod.class, get, set);
    }

    private static Column status(
            String name, Function<Call, CallStatus> get, BiConsumer<Call, CallStatus> set) {
        return enumColumn(name, CallStatus.class, get, set);
    }

    private static Column event(
            String name, Function<Call, NextEvent> get, BiConsumer<Call, NextEvent> set) {
        return enumColumn(name, NextEvent.class, get, set);
    }

    /** An enum, stored by its name. */
    private static <E extends Enum<E>> Column enumColumn(
            String name, Class<E> type, Function<Call, E> get, BiConsumer<Call, E> set) {
        return new Column(
                name,
                c -> {
                    E value = get.apply(c);
                    return value == null ? null : value.name();
                },
                (c, rs, n) -> {
                    String value = rs.getString(n);
                    set.accept(c, value == null ? null : Enum.valueOf(type, value));
                });
    }
}
