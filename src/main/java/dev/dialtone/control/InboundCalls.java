package dev.dialtone.control;

import dev.dialtone.calls.Call;
import dev.dialtone.calls.CallStore;
import dev.dialtone.calls.NewInbound;
import dev.dialtone.calls.NextEvent;
import dev.dialtone.lifecycle.CallSimulator;
import dev.dialtone.numbers.IncomingNumber;
import dev.dialtone.numbers.IncomingNumbers;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.Sids;
import dev.dialtone.web.FormParameters;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /dialtone/calls/inbound}: someone calls one of the account's numbers. The call rings
 * at once and goes where the number sends its calls; it is durable when this returns.
 */
@Component
class InboundCalls {

    private final IncomingNumbers numbers;
    private final CallStore calls;
    private final CallSimulator simulator;
    private final Clock clock;

    InboundCalls(IncomingNumbers numbers, CallStore calls, CallSimulator simulator, Clock clock) {
        this.numbers = numbers;
        this.calls = calls;
        this.simulator = simulator;
        this.clock = clock;
    }

    @Transactional
    Call ring(String account, Map<String, List<String>> form) {
        FormParameters p = new FormParameters(form);
        String from = p.text("From");
        if (from == null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.FROM_MISSING, "No 'From' number is specified");
        }
        if (!Call.isEndpoint(from)) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.FROM_INVALID, "The 'From' number " + from + " is not valid");
        }
        String to = p.text("To");
        if (to == null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.TO_MISSING, "No 'To' number is specified");
        }
        IncomingNumber number =
                numbers.byNumber(account, to)
                        .orElseThrow(
                                () ->
                                        TwilioException.badRequest(
                                                TwilioErrorCodes.TO_INVALID,
                                                "The 'To' number "
                                                        + to
                                                        + " is not one of the account's"
                                                        + " IncomingPhoneNumbers"));
        if (number.voiceUrl() == null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.URL_INVALID,
                    "The number " + to + " has no VoiceUrl for its calls to go to");
        }
        Instant now = DatabaseTime.now(clock);
        Call call =
                Call.inbound(
                        Sids.next("CA", clock),
                        account,
                        new NewInbound(
                                from,
                                number.phoneNumber(),
                                number.sid(),
                                p.shortText("CallerName"),
                                p.shortText("ForwardedFrom"),
                                number.voiceUrl(),
                                number.voiceMethod(),
                                number.voiceFallbackUrl(),
                                number.voiceFallbackMethod(),
                                number.statusCallback(),
                                number.statusCallbackMethod()),
                        now);
        call.schedule(NextEvent.ANSWER, now);
        calls.insert(call);
        simulator.wakeAfterCommit(call);
        return call;
    }
}
