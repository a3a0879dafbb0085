package dev.dialtone.calls;

import dev.dialtone.support.DatabaseTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a new call with one plain INSERT, committed before the client hears of it. Creating is
 * the hottest write; the entity mapping ({@link Call}) stays the reference for every column.
 */
@Component
class CallInserts {

    private static final String INSERT = "INSERT INTO calls (sid, account_sid, to_endpoint, to_formatted, from_endpoint,"
            + " from_formatted, status, direction, date_created, date_updated, price_unit, queue_time, url, method, twiml,"
            + " application_sid, fallback_url, fallback_method, status_callback, status_callback_method,"
            + " status_callback_events, send_digits, timeout_seconds, time_limit_seconds, record_call, recording_channels,"
            + " recording_status_callback, recording_status_callback_method, recording_status_callback_events,"
            + " recording_track, trim_mode, sip_auth_username, sip_auth_password, machine_detection,"
            + " machine_detection_timeout, machine_detection_speech_threshold, machine_detection_speech_end_threshold,"
            + " machine_detection_silence_timeout, async_amd, async_amd_status_callback, async_amd_status_callback_method,"
            + " byoc, call_reason, call_token, caller_id, client_notification_url, next_event, next_event_at, version,"
            + " callback_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)";

    private final JdbcTemplate jdbc;

    CallInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Call call, NewCall request) {
        jdbc.update(INSERT, call.sid(), call.accountSid(), call.to(), call.toFormatted(), call.from(), call.fromFormatted(),
                call.status().name(), call.direction(), DatabaseTime.utc(call.dateCreated()), DatabaseTime.utc(call.dateUpdated()), call.priceUnit(),
                call.queueTime(), request.url(), request.method().name(), request.twiml(), request.applicationSid(),
                request.fallbackUrl(), request.fallbackMethod().name(), request.statusCallback(),
                request.statusCallbackMethod().name(), String.join(" ", request.statusCallbackEvents()),
                request.sendDigits(), request.timeout(), request.timeLimit(), request.record(), request.recordingChannels(),
                request.recordingStatusCallback(), request.recordingStatusCallbackMethod().name(),
                String.join(" ", request.recordingStatusCallbackEvents()), request.recordingTrack(), request.trim(),
                request.sipAuthUsername(), request.sipAuthPassword(), request.machineDetection(),
                request.machineDetectionTimeout(), request.machineDetectionSpeechThreshold(),
                request.machineDetectionSpeechEndThreshold(), request.machineDetectionSilenceTimeout(), request.asyncAmd(),
                request.asyncAmdStatusCallback(), request.asyncAmdStatusCallbackMethod().name(), request.byoc(),
                request.callReason(), request.callToken(), request.callerId(), request.clientNotificationUrl(),
                call.nextEvent() == null ? null : call.nextEvent().name(), DatabaseTime.utc(call.nextEventAt()));
    }
}
