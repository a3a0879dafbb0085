package dev.dialtone.control;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallRepresentation;
import dev.dialtone.calls.CallStatus;
import dev.dialtone.calls.CallStore;
import dev.dialtone.faults.Faults;
import dev.dialtone.lifecycle.CallFlow;
import dev.dialtone.lifecycle.CallSimulator;
import dev.dialtone.lifecycle.Scenarios;
import dev.dialtone.numbers.IncomingNumbers;
import dev.dialtone.recordings.CallRecordings;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.webhooks.CallRequestLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ControlService {

    private final CallStore calls;
    private final CallSimulator simulator;
    private final CallRequestLog journal;
    private final Scenarios scenarios;
    private final CallFlow flow;
    private final CallRecordings recordings;
    private final Faults faults;
    private final IncomingNumbers numbers;
    private final Clock clock;

    ControlService(
            CallStore calls,
            CallSimulator simulator,
            CallRequestLog journal,
            Scenarios scenarios,
            CallFlow flow,
            CallRecordings recordings,
            Faults faults,
            IncomingNumbers numbers,
            Clock clock) {
        this.numbers = numbers;
        this.calls = calls;
        this.scenarios = scenarios;
        this.flow = flow;
        this.recordings = recordings;
        this.faults = faults;
        this.simulator = simulator;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Map<String, Object> timeline(String account, String sid) {
        Call call = calls.find(sid, account).orElseThrow(() -> notFound(sid));
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("call", CallRepresentation.of(call));
        timeline.put("now", CallActivity.of(call, DatabaseTime.now(clock)));
        timeline.put("flow", flow.of(sid));
        timeline.putAll(journal.timeline(account, sid));
        return timeline;
    }

    /**
     * Moves a call on now. Whether its state allows the step is the call's own guard to say (a
     * refusal is Twilio's 21220); the control API adds one rule of its own: a hang-up reports how
     * the call really ends, completed exactly when it was answered.
     */
    @Transactional
    Call advance(String account, String sid, ControlRequests.Advance advance) {
        Call call = lock(account, sid);
        switch (advance.action()) {
            case RING -> simulator.ringNow(call);
            case ANSWER -> {
                if (call.status() == CallStatus.QUEUED) {
                    simulator.ringNow(call);
                }
                simulator.answerNow(call);
            }
            case HANGUP -> {
                boolean answered = call.status() == CallStatus.IN_PROGRESS;
                if (call.isLive() && answered != (advance.status() == CallStatus.COMPLETED)) {
                    throw TwilioException.badRequest(
                            TwilioErrorCodes.CALL_NOT_IN_PROGRESS,
                            answered
                                    ? "An answered call ends as completed."
                                    : "A call never answered cannot end as completed.");
                }
                simulator.endNow(call, advance.status(), advance.sipResponseCode());
            }
        }
        return call;
    }

    /** Input given live to a call that listens at a {@code <Gather>}. */
    @Transactional
    Call input(String account, String sid, ControlRequests.Input input) {
        Call call = lock(account, sid);
        if (!simulator.input(call, input.digits(), input.speech())) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.CALL_NOT_IN_PROGRESS,
                    "Call "
                            + sid
                            + " is not listening in a <Gather> for "
                            + (input.digits() != null ? "digits" : "speech"));
        }
        return call;
    }

    @Transactional
    Call hold(String account, String sid, CallStatus status) {
        Call call = lock(account, sid);
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

    @Transactional(readOnly = true)
    List<Map<String, Object>> requests(String account, String callSid) {
        return journal.requests(account, callSid);
    }

    @Transactional
    Reset reset(String account) {
        journal.forgetAccount(account);
        flow.forgetAccount(account);
        recordings.deleteAll(account);
        faults.deleteAll(account);
        return new Reset(
                calls.deleteAll(account), scenarios.deleteAll(account), numbers.deleteAll(account));
    }

    /** What a reset removed. */
    record Reset(int deletedCalls, int deletedScenarios, int deletedNumbers) {}

    private Call lock(String account, String sid) {
        return calls.lock(sid)
                .filter(c -> c.accountSid().equals(account))
                .orElseThrow(() -> notFound(sid));
    }

    private static TwilioException notFound(String sid) {
        return TwilioException.notFound("/dialtone/calls/" + sid);
    }
}
