package dev.dialtone.lifecycle;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallEvents;
import dev.dialtone.support.DatabaseTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The journal of what a call's flow did, in order, for its timeline: written inside the step's
 * transaction, so it says exactly what was committed.
 */
@Component
public class CallFlow {

    /** What happened. */
    enum Event {
        ANSWERED("answered"),
        DOCUMENT("document"),
        VERB("verb"),
        GATHERING("gathering"),
        HEARD("heard"),
        HEARD_NOTHING("heard-nothing"),
        DIALING("dialing"),
        DIAL_OVER("dial-over"),
        SENT_DIGITS("sent-digits"),
        MACHINE_DETECTION("machine-detection"),
        RECORDING("recording"),
        CUT_SHORT("cut-short"),
        ENDED("ended");

        private final String wire;

        Event(String wire) {
            this.wire = wire;
        }
    }

    private final JdbcTemplate jdbc;

    CallFlow(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Call call, Event event, String detail, Instant at) {
        jdbc.update(
                "INSERT INTO call_flow (call_sid, account_sid, happened_at, event, detail)"
                        + " VALUES (?, ?, ?, ?, ?)",
                call.sid(),
                call.accountSid(),
                DatabaseTime.utc(at),
                event.wire,
                detail);
    }

    /** The call's flow, oldest first. */
    public List<Map<String, Object>> of(String callSid) {
        return jdbc.query(
                "SELECT happened_at, event, detail FROM call_flow WHERE call_sid = ? ORDER BY id",
                (rs, i) -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("at", DatabaseTime.read(rs, 1).toString());
                    step.put("event", rs.getString(2));
                    step.put("detail", rs.getString(3));
                    return step;
                },
                callSid);
    }

    @EventListener
    void forget(CallEvents.Deleted deleted) {
        jdbc.update("DELETE FROM call_flow WHERE call_sid = ?", deleted.callSid());
    }

    public void forgetAccount(String accountSid) {
        jdbc.update("DELETE FROM call_flow WHERE account_sid = ?", accountSid);
    }
}
