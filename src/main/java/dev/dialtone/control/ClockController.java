package dev.dialtone.control;

import dev.dialtone.lifecycle.CallSimulator;
import dev.dialtone.support.ManualClock;
import dev.dialtone.web.FormParameters;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import dev.dialtone.webhooks.StatusCallbacks;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /dialtone/clock}: {@code Mode=manual} stops this instance's time, {@code Mode=real} gives
 * it back, {@code Advance=5s} moves stopped time on. An advance applies every step due in that span
 * in due order (each call's steps, the TwiML fetches they make, every callback, delivered) before
 * it answers, so what a test reads right after is what the span did.
 */
@RestController
@RequestMapping("/dialtone/clock")
class ClockController {

    /** How long an advance may wait for the requests it makes before it answers anyway. */
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(60);

    private static final Set<String> MODES = Set.of("manual", "real");

    private final ManualClock clock;
    private final CallSimulator simulator;
    private final StatusCallbacks callbacks;
    private final TwilioRenderer renderer;

    ClockController(
            ManualClock clock,
            CallSimulator simulator,
            StatusCallbacks callbacks,
            TwilioRenderer renderer) {
        this.clock = clock;
        this.simulator = simulator;
        this.callbacks = callbacks;
        this.renderer = renderer;
    }

    @GetMapping
    ResponseEntity<byte[]> read() {
        return json(200);
    }

    @PostMapping
    synchronized ResponseEntity<byte[]> change(@RequestParam MultiValueMap<String, String> form) {
        FormParameters p = new FormParameters(form);
        String mode = p.choice("Mode", TwilioErrorCodes.INVALID_PARAMETER, MODES);
        Duration by = ScenarioRequests.duration(form, "Advance");
        if ("real".equals(mode)) {
            if (by != null) {
                throw TwilioException.badRequest(
                        TwilioErrorCodes.INVALID_PARAMETER, "A clock in real mode cannot Advance");
            }
            clock.runWithSystemTime();
        } else if ("manual".equals(mode)) {
            clock.stop();
        }
        if (by != null) {
            if (!clock.isStopped()) {
                throw TwilioException.badRequest(
                        TwilioErrorCodes.INVALID_PARAMETER,
                        "The clock runs on its own: give Mode=manual to Advance it");
            }
            clock.alone(() -> advance(by));
        }
        return json(200);
    }

    /** Moves time on from one due step to the next, applying each, up to {@code by} from now. */
    private void advance(Duration by) {
        Instant target = clock.instant().plus(by);
        settle();
        for (Instant next = nextDue(); next != null && !next.isAfter(target); next = nextDue()) {
            clock.stopAt(next);
            settle();
        }
        clock.stopAt(target);
        settle();
    }

    /**
     * The calls' steps first (each waits for the fetches it starts, and what they lead to), then
     * the callbacks they caused (each settling lets the call's next go); a callback never makes a
     * call's step due, so one pass of each is all.
     */
    private void settle() {
        simulator.settle(WAIT_AT_MOST);
        callbacks.deliverDue(WAIT_AT_MOST);
    }

    private Instant nextDue() {
        Instant now = clock.instant();
        Optional<Instant> call = simulator.nextDueAfter(now);
        Optional<Instant> webhook = callbacks.nextDueAfter(now);
        if (call.isEmpty()) {
            return webhook.orElse(null);
        }
        return webhook.isPresent() && webhook.get().isBefore(call.get())
                ? webhook.get()
                : call.get();
    }

    private ResponseEntity<byte[]> json(int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", clock.isStopped() ? "manual" : "real");
        body.put("now", clock.instant().toString());
        return renderer.record(status, WireFormat.JSON, "Clock", body);
    }
}
