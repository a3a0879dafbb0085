package dev.dialtone.control;

import dev.dialtone.accounts.BasicAuthInterceptor;
import dev.dialtone.calls.CallRepresentation;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's own API, for tests and operators: a call's timeline, moving a call on now, holding
 * it, and starting afresh. JSON, with the same Basic auth as the Twilio API; it acts on the account
 * the credentials belong to. Timeline times are ISO-8601 with microseconds.
 */
@RestController
@RequestMapping("/dialtone")
class ControlController {

    private final ControlService control;
    private final InboundCalls inbound;
    private final TwilioRenderer renderer;

    ControlController(ControlService control, InboundCalls inbound, TwilioRenderer renderer) {
        this.control = control;
        this.inbound = inbound;
        this.renderer = renderer;
    }

    /**
     * Someone calls one of the account's numbers: {@code From}, {@code To}, optionally {@code
     * CallerName} and {@code ForwardedFrom}.
     */
    @PostMapping("/calls/inbound")
    ResponseEntity<byte[]> inbound(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @RequestParam MultiValueMap<String, String> form) {
        return renderer.record(
                201, WireFormat.JSON, "Call", CallRepresentation.of(inbound.ring(account, form)));
    }

    @GetMapping("/calls/{sid}/timeline")
    ResponseEntity<byte[]> timeline(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid) {
        return json(control.timeline(account, sid));
    }

    /**
     * {@code Action=ring|answer|hangup}; a hang-up takes {@code Status} and optionally {@code
     * SipResponseCode}.
     */
    @PostMapping("/calls/{sid}/advance")
    ResponseEntity<byte[]> advance(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> form) {
        return json(
                CallRepresentation.of(
                        control.advance(account, sid, ControlRequests.advance(form))));
    }

    /**
     * {@code Digits} or {@code SpeechResult}: what the callee answers, now, the {@code <Gather>}
     * the call listens at.
     */
    @PostMapping("/calls/{sid}/input")
    ResponseEntity<byte[]> input(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> form) {
        return json(
                CallRepresentation.of(control.input(account, sid, ControlRequests.input(form))));
    }

    /** {@code Status=ringing|in-progress}: the call stays there once it gets there. */
    @PostMapping("/calls/{sid}/hold")
    ResponseEntity<byte[]> hold(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid,
            @RequestParam MultiValueMap<String, String> form) {
        return json(
                CallRepresentation.of(
                        control.hold(account, sid, ControlRequests.holdStatus(form))));
    }

    @PostMapping("/calls/{sid}/release")
    ResponseEntity<byte[]> release(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid) {
        return json(CallRepresentation.of(control.release(account, sid)));
    }

    /**
     * Every request Dialtone made for the account's calls (TwiML fetches, fallbacks, callback
     * attempts, and the REST updates made to them), in order; {@code CallSid} keeps one call's.
     */
    @GetMapping("/requests")
    ResponseEntity<byte[]> requests(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @RequestParam(name = "CallSid", required = false) String callSid) {
        return json(Map.of("requests", control.requests(account, callSid)));
    }

    /** Deletes every call of the account, with its webhooks and timeline, and its scenarios. */
    @PostMapping("/reset")
    ResponseEntity<byte[]> reset(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account) {
        return json(control.reset(account));
    }

    private ResponseEntity<byte[]> json(Object body) {
        return renderer.record(200, WireFormat.JSON, "Call", body);
    }
}
