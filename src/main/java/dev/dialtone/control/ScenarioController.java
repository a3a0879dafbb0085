package dev.dialtone.control;

import dev.dialtone.accounts.BasicAuthInterceptor;
import dev.dialtone.lifecycle.Scenarios;
import dev.dialtone.lifecycle.SimulationProperties;
import dev.dialtone.web.Rfc2822;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /dialtone/scenarios}: the callee rules a test makes at run time, for the account its
 * credentials belong to. JSON, like the rest of the control API.
 */
@RestController
@RequestMapping("/dialtone/scenarios")
class ScenarioController {

    /** A rule as the API shows it, durations written as the configuration writes them. */
    record ScenarioRepresentation(
            String sid,
            String accountSid,
            String dateCreated,
            String to,
            String toPattern,
            String from,
            String fromPattern,
            String outcome,
            Integer sipResponseCode,
            String ringTime,
            String talkTime,
            String answeredBy,
            List<String> digits,
            List<String> speech,
            String inputDelay,
            String recordTime,
            String machineDetectionTime) {

        static ScenarioRepresentation of(Scenarios.Stored stored) {
            SimulationProperties.Scenario rule = stored.rule();
            return new ScenarioRepresentation(
                    stored.sid(),
                    stored.accountSid(),
                    Rfc2822.format(stored.dateCreated()),
                    rule.to(),
                    rule.toPattern(),
                    rule.from(),
                    rule.fromPattern(),
                    ScenarioRequests.format(rule.outcome()),
                    rule.sipResponseCode(),
                    ScenarioRequests.format(rule.ringTime()),
                    ScenarioRequests.format(rule.talkTime()),
                    rule.answeredBy(),
                    rule.digits(),
                    rule.speech(),
                    ScenarioRequests.format(rule.inputDelay()),
                    ScenarioRequests.format(rule.recordTime()),
                    ScenarioRequests.format(rule.machineDetectionTime()));
        }
    }

    private final Scenarios scenarios;
    private final TwilioRenderer renderer;

    ScenarioController(Scenarios scenarios, TwilioRenderer renderer) {
        this.scenarios = scenarios;
        this.renderer = renderer;
    }

    @PostMapping
    ResponseEntity<byte[]> create(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @RequestParam MultiValueMap<String, String> form) {
        Scenarios.Stored stored = scenarios.create(account, ScenarioRequests.scenario(form));
        return renderer.record(201, WireFormat.JSON, "Scenario", ScenarioRepresentation.of(stored));
    }

    @GetMapping
    ResponseEntity<byte[]> list(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account) {
        List<ScenarioRepresentation> rules =
                scenarios.list(account).stream().map(ScenarioRepresentation::of).toList();
        return renderer.record(200, WireFormat.JSON, "Scenarios", Map.of("scenarios", rules));
    }

    @DeleteMapping("/{sid}")
    ResponseEntity<Void> delete(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid) {
        if (!scenarios.delete(account, sid)) {
            throw TwilioException.notFound("/dialtone/scenarios/" + sid);
        }
        return ResponseEntity.noContent().build();
    }
}
