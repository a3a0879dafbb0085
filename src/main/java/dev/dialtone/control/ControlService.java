package dev.dialtone.control;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallRepresentation;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.lifecycle.CallSimulator;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.webhooks.FormEncoding;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ControlService {

    private final CallStore calls;
    private final CallSimulator simulator;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ControlService(CallStore calls, CallSimulator simulator, JdbcTemplate jdbc, Clock clock) {
        this.calls = calls;
        this.simulator = simulator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Map<String, Object> timeline(String account, String sid) {
        Call call = calls.find(sid, account).orElseThrow(() -> notFound(sid));
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("call", CallRepresentation.of(call));
        timeline.put(
                "webhooks",
                jdbc.query(
                        "SELECT id, url, method, sequence_number, state, attempts, parameters, created_at"
                                + " FROM webhooks WHERE call_sid = ? ORDER BY id",
                        (rs, i) -> {
                            Map<String, Object> w = new LinkedHashMap<>();
                            w.put("id", rs.getLong(1));
                            w.put("url", rs.getString(2));
                            w.put("method", rs.getString(3));
                            w.put("sequence_number", rs.getInt(4));
                            w.put("state", rs.getString(5).toLowerCase());
                            w.put("attempts", rs.getInt(6));
                            w.put("parameters", parameters(rs.getString(7)));
                            w.put("created_at", DatabaseTime.read(rs, 8).toString());
                            return w;
                        },
                        sid));
        timeline.put(
                "requests",
                jdbc.query(
                        "SELECT kind, url, method, attempt, webhook_id, parameters, status_code,"
                                + " response_excerpt, duration_ms, error, requested_at FROM call_requests WHERE call_sid = ? ORDER BY id",
                        (rs, i) -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("kind", rs.getString(1).toLowerCase().replace('_', '-'));
                            r.put("url", rs.getString(2));
                            r.put("method", rs.getString(3));
                            r.put("attempt", rs.getInt(4));
                            r.put("webhook_id", rs.getObject(5));
                            r.put("parameters", parameters(rs.getString(6)));
                            r.put("status_code", rs.getObject(7));
                            r.put("response_excerpt", rs.getString(8));
                            r.put("duration_ms", rs.getLong(9));
                            r.put("error", rs.getString(10));
                            r.put("requested_at", DatabaseTime.read(rs, 11).toString());
                            return r;
                        },
                        sid));
        timeline.put(
                "notifications",
                jdbc.query(
                        "SELECT sid, log, error_code, message_text, request_url, request_method,"
                                + " date_created FROM notifications WHERE call_sid = ? ORDER BY date_created, sid",
                        (rs, i) -> {
                            Map<String, Object> n = new LinkedHashMap<>();
                            n.put("sid", rs.getString(1));
                            n.put("log", rs.getInt(2) == 0 ? "error" : "warning");
                            n.put("error_code", rs.getInt(3));
                            n.put("message_text", rs.getString(4));
                            n.put("request_url", rs.getString(5));
                            n.put("request_method", rs.getString(6));
                            n.put("date_created", DatabaseTime.read(rs, 7).toString());
                            return n;
                        },
                        sid));
        return timeline;
    }

    @Transactional
    Call advance(String account, String sid, ControlRequests.Advance advance) {
        Call call = lock(account, sid);
        CallStatus status = call.status();
        switch (advance.action()) {
            case RING -> {
                require(status == CallStatus.QUEUED, "Call is not queued. Cannot ring.");
                simulator.ringNow(call);
            }
            case ANSWER -> {
                require(
                        status == CallStatus.QUEUED || status == CallStatus.RINGING,
                        "Call is not ringing. Cannot answer.");
                if (status == CallStatus.QUEUED) {
                    simulator.ringNow(call);
                }
                simulator.answerNow(call);
            }
            case HANGUP -> {
                require(call.isLive(), "Call is not in-progress. Cannot hang up.");
                boolean answered = status == CallStatus.IN_PROGRESS;
                require(
                        answered == (advance.status() == CallStatus.COMPLETED),
                        answered
                                ? "An answered call ends as completed."
                                : "A call never answered cannot end as completed.");
                simulator.endNow(call, advance.status(), advance.sipResponseCode());
            }
        }
        return call;
    }

    @Transactional
    Call hold(String account, String sid, CallStatus status) {
        Call call = lock(account, sid);
        require(call.isLive(), "Call has ended. Cannot hold.");
        call.hold(status, DatabaseTime.now(clock));
        calls.save(call);
        return call;
    }

    @Transactional
    Call release(String account, String sid) {
        Call call = lock(account, sid);
        call.release(DatabaseTime.now(clock));
        calls.save(call);
        simulator.wakeAfterCommit(call);
        return call;
    }

    @Transactional
    int reset(String account) {
        jdbc.update("DELETE FROM call_requests WHERE account_sid = ?", account);
        jdbc.update("DELETE FROM webhooks WHERE account_sid = ?", account);
        jdbc.update("DELETE FROM notifications WHERE account_sid = ?", account);
        return jdbc.update("DELETE FROM calls WHERE account_sid = ?", account);
    }

    private Call lock(String account, String sid) {
        return calls.lock(sid)
                .filter(c -> c.accountSid().equals(account))
                .orElseThrow(() -> notFound(sid));
    }

    private static TwilioException notFound(String sid) {
        return TwilioException.notFound("/dialtone/calls/" + sid);
    }

    private static void require(boolean allowed, String message) {
        if (!allowed) {
            throw TwilioException.badRequest(TwilioErrorCodes.CALL_NOT_IN_PROGRESS, message);
        }
    }

    private static Map<String, String> parameters(String form) {
        Map<String, String> map = new LinkedHashMap<>();
        List<Map.Entry<String, String>> decoded = FormEncoding.decode(form);
        decoded.forEach(p -> map.put(p.getKey(), p.getValue()));
        return map;
    }
}
