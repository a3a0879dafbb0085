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

    // The types first: ALL below is built from them as the class initialises.
    static final Type<String> TEXT = new Type<>(ResultSet::getString, v -> v);
    static final Type<Instant> TIME = new Type<>(CallColumns::instant, DatabaseTime::utc);
    static final Type<Integer> INTEGER =
            new Type<>((rs, n) -> rs.getObject(n, Integer.class), v -> v);

    /** A number that is never null. */
    static final Type<Integer> COUNT = new Type<>(ResultSet::getInt, v -> v);

    static final Type<Long> BIGINT = new Type<>((rs, n) -> rs.getObject(n, Long.class), v -> v);
    static final Type<BigDecimal> DECIMAL = new Type<>(ResultSet::getBigDecimal, v -> v);
    static final Type<Boolean> FLAG = new Type<>((rs, n) -> rs.getObject(n, Boolean.class), v -> v);

    /** A yes or no that is never null. */
    static final Type<Boolean> BOOL = new Type<>(ResultSet::getBoolean, v -> v);

    static final Type<WebhookMethod> METHOD = byName(WebhookMethod.class);
    static final Type<CallStatus> STATUS = byName(CallStatus.class);
    static final Type<NextEvent> EVENT = byName(NextEvent.class);

    static final List<Column> ALL =
            List.of(
                    column("sid", TEXT, c -> c.sid, (c, v) -> c.sid = v),
                    column("account_sid", TEXT, c -> c.accountSid, (c, v) -> c.accountSid = v),
                    column(
                            "parent_call_sid",
                            TEXT,
                            c -> c.parentCallSid,
                            (c, v) -> c.parentCallSid = v),
                    column("to_endpoint", TEXT, c -> c.to, (c, v) -> c.to = v),
                    column("to_formatted", TEXT, c -> c.toFormatted, (c, v) -> c.toFormatted = v),
                    column("from_endpoint", TEXT, c -> c.from, (c, v) -> c.from = v),
                    column(
                            "from_formatted",
                            TEXT,
                            c -> c.fromFormatted,
                            (c, v) -> c.fromFormatted = v),
                    column(
                            "phone_number_sid",
                            TEXT,
                            c -> c.phoneNumberSid,
                            (c, v) -> c.phoneNumberSid = v),
                    column("status", STATUS, c -> c.status, (c, v) -> c.status = v),
                    column("direction", TEXT, c -> c.direction, (c, v) -> c.direction = v),
                    column("answered_by", TEXT, c -> c.answeredBy, (c, v) -> c.answeredBy = v),
                    column(
                            "forwarded_from",
                            TEXT,
                            c -> c.forwardedFrom,
                            (c, v) -> c.forwardedFrom = v),
                    column("group_sid", TEXT, c -> c.groupSid, (c, v) -> c.groupSid = v),
                    column("caller_name", TEXT, c -> c.callerName, (c, v) -> c.callerName = v),
                    column("trunk_sid", TEXT, c -> c.trunkSid, (c, v) -> c.trunkSid = v),
                    column("date_created", TIME, c -> c.dateCreated, (c, v) -> c.dateCreated = v),
                    column("date_updated", TIME, c -> c.dateUpdated, (c, v) -> c.dateUpdated = v),
                    column("start_time", TIME, c -> c.startTime, (c, v) -> c.startTime = v),
                    column("end_time", TIME, c -> c.endTime, (c, v) -> c.endTime = v),
                    column("duration", INTEGER, c -> c.duration, (c, v) -> c.duration = v),
                    column("price", DECIMAL, c -> c.price, (c, v) -> c.price = v),
                    column("price_unit", TEXT, c -> c.priceUnit, (c, v) -> c.priceUnit = v),
                    column("queue_time", BIGINT, c -> c.queueTime, (c, v) -> c.queueTime = v),
                    column("url", TEXT, c -> c.url, (c, v) -> c.url = v),
                    column("method", METHOD, c -> c.method, (c, v) -> c.method = v),
                    column("twiml", TEXT, c -> c.twiml, (c, v) -> c.twiml = v),
                    column(
                            "application_sid",
                            TEXT,
                            c -> c.applicationSid,
                            (c, v) -> c.applicationSid = v),
                    column("fallback_url", TEXT, c -> c.fallbackUrl, (c, v) -> c.fallbackUrl = v),
                    column(
                            "fallback_method",
                            METHOD,
                            c -> c.fallbackMethod,
                            (c, v) -> c.fallbackMethod = v),
                    column(
                            "status_callback",
                            TEXT,
                            c -> c.statusCallback,
                            (c, v) -> c.statusCallback = v),
                    column(
                            "status_callback_method",
                            METHOD,
                            c -> c.statusCallbackMethod,
                            (c, v) -> c.statusCallbackMethod = v),
                    column(
                            "status_callback_events",
                            TEXT,
                            c -> c.statusCallbackEvents,
                            (c, v) -> c.statusCallbackEvents = v),
                    column("send_digits", TEXT, c -> c.sendDigits, (c, v) -> c.sendDigits = v),
                    column("timeout_seconds", COUNT, c -> c.timeout, (c, v) -> c.timeout = v),
                    column(
                            "time_limit_seconds",
                            INTEGER,
                            c -> c.timeLimit,
                            (c, v) -> c.timeLimit = v),
                    column("record_call", BOOL, c -> c.record, (c, v) -> c.record = v),
                    column(
                            "recording_channels",
                            TEXT,
                            c -> c.recordingChannels,
                            (c, v) -> c.recordingChannels = v),
                    column(
                            "recording_status_callback",
                            TEXT,
                            c -> c.recordingStatusCallback,
                            (c, v) -> c.recordingStatusCallback = v),
                    column(
                            "recording_status_callback_method",
                            METHOD,
                            c -> c.recordingStatusCallbackMethod,
                            (c, v) -> c.recordingStatusCallbackMethod = v),
                    column(
                            "recording_status_callback_events",
                            TEXT,
                            c -> c.recordingStatusCallbackEvents,
                            (c, v) -> c.recordingStatusCallbackEvents = v),
                    column(
                            "recording_track",
                            TEXT,
                            c -> c.recordingTrack,
                            (c, v) -> c.recordingTrack = v),
                    column("trim_mode", TEXT, c -> c.trim, (c, v) -> c.trim = v),
                    column(
                            "sip_auth_username",
                            TEXT,
                            c -> c.sipAuthUsername,
                            (c, v) -> c.sipAuthUsername = v),
                    column(
                            "sip_auth_password",
                            TEXT,
                            c -> c.sipAuthPassword,
                            (c, v) -> c.sipAuthPassword = v),
                    column(
                            "machine_detection",
                            TEXT,
                            c -> c.machineDetection,
                            (c, v) -> c.machineDetection = v),
                    column(
                            "machine_detection_timeout",
                            INTEGER,
                            c -> c.machineDetectionTimeout,
                            (c, v) -> c.machineDetectionTimeout = v),
                    column(
                            "machine_detection_speech_threshold",
                            INTEGER,
                            c -> c.machineDetectionSpeechThreshold,
                            (c, v) -> c.machineDetectionSpeechThreshold = v),
                    column(
                            "machine_detection_speech_end_threshold",
                            INTEGER,
                            c -> c.machineDetectionSpeechEndThreshold,
                            (c, v) -> c.machineDetectionSpeechEndThreshold = v),
                    column(
                            "machine_detection_silence_timeout",
                            INTEGER,
                            c -> c.machineDetectionSilenceTimeout,
                            (c, v) -> c.machineDetectionSilenceTimeout = v),
                    column("async_amd", FLAG, c -> c.asyncAmd, (c, v) -> c.asyncAmd = v),
                    column(
                            "async_amd_status_callback",
                            TEXT,
                            c -> c.asyncAmdStatusCallback,
                            (c, v) -> c.asyncAmdStatusCallback = v),
                    column(
                            "async_amd_status_callback_method",
                            METHOD,
                            c -> c.asyncAmdStatusCallbackMethod,
                            (c, v) -> c.asyncAmdStatusCallbackMethod = v),
                    column("byoc", TEXT, c -> c.byoc, (c, v) -> c.byoc = v),
                    column("call_reason", TEXT, c -> c.callReason, (c, v) -> c.callReason = v),
                    column("call_token", TEXT, c -> c.callToken, (c, v) -> c.callToken = v),
                    column("caller_id", TEXT, c -> c.callerId, (c, v) -> c.callerId = v),
                    column(
                            "client_notification_url",
                            TEXT,
                            c -> c.clientNotificationUrl,
                            (c, v) -> c.clientNotificationUrl = v),
                    column("next_event", EVENT, c -> c.nextEvent, (c, v) -> c.nextEvent = v),
                    column("next_event_at", TIME, c -> c.nextEventAt, (c, v) -> c.nextEventAt = v),
                    column("answer_time", TIME, c -> c.answerTime, (c, v) -> c.answerTime = v),
                    column(
                            "sip_response_code",
                            INTEGER,
                            c -> c.sipResponseCode,
                            (c, v) -> c.sipResponseCode = v),
                    column(
                            "planned_sip_response_code",
                            INTEGER,
                            c -> c.plannedSipResponseCode,
                            (c, v) -> c.plannedSipResponseCode = v),
                    column("twiml_url", TEXT, c -> c.twimlUrl, (c, v) -> c.twimlUrl = v),
                    column("twiml_method", METHOD, c -> c.twimlMethod, (c, v) -> c.twimlMethod = v),
                    column(
                            "twiml_document",
                            TEXT,
                            c -> c.twimlDocument,
                            (c, v) -> c.twimlDocument = v),
                    column("hold_status", STATUS, c -> c.holdStatus, (c, v) -> c.holdStatus = v),
                    column(
                            "callback_sequence",
                            COUNT,
                            c -> c.callbackSequence,
                            (c, v) -> c.callbackSequence = v),
                    column(
                            "idle_redirects",
                            COUNT,
                            c -> c.idleRedirects,
                            (c, v) -> c.idleRedirects = v),
                    column("gathers", COUNT, c -> c.gathers, (c, v) -> c.gathers = v),
                    column(
                            "twiml_position",
                            COUNT,
                            c -> c.twimlPosition,
                            (c, v) -> c.twimlPosition = v),
                    column(
                            "listening_until",
                            TIME,
                            c -> c.listeningUntil,
                            (c, v) -> c.listeningUntil = v),
                    column(
                            "dialed_millis",
                            BIGINT,
                            c -> c.dialedMillis,
                            (c, v) -> c.dialedMillis = v == null ? 0 : v),
                    column(
                            "twiml_parameters",
                            TEXT,
                            c -> c.twimlParameters,
                            (c, v) -> c.twimlParameters = v));

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

    /**
     * How values of one Java type sit in a column: read from a row by name, and written as JDBC
     * values.
     */
    record Type<T>(FromRow<T> fromRow, Function<T, Object> toJdbc) {}

    interface FromRow<T> {
        T get(ResultSet rs, String column) throws SQLException;
    }

    private static <T> Column column(
            String name, Type<T> type, Function<Call, T> get, BiConsumer<Call, T> set) {
        return new Column(
                name,
                c -> {
                    T value = get.apply(c);
                    return value == null ? null : type.toJdbc().apply(value);
                },
                (c, rs, n) -> set.accept(c, type.fromRow().get(rs, n)));
    }

    /** An enum, stored by its name. */
    private static <E extends Enum<E>> Type<E> byName(Class<E> type) {
        return new Type<>(
                (rs, n) -> {
                    String value = rs.getString(n);
                    return value == null ? null : Enum.valueOf(type, value);
                },
                Enum::name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
