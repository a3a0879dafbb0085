package dev.dialtone.control;

import dev.dialtone.accounts.BasicAuthInterceptor;
import dev.dialtone.faults.Fault;
import dev.dialtone.faults.Faults;
import dev.dialtone.support.DatabaseTime;
import dev.dialtone.support.Sids;
import dev.dialtone.web.FormParameters;
import dev.dialtone.web.Rfc2822;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * {@code /dialtone/faults}: rules that make the account's API requests answer an error or late
 * ({@code Direction=inbound}, the default), or Dialtone's own requests for its calls fail ({@code
 * outbound}). JSON, like the rest of the control API.
 */
@RestController
@RequestMapping("/dialtone/faults")
class FaultController {

    private static final Set<String> DIRECTIONS =
            new LinkedHashSet<>(List.of("inbound", "outbound"));
    private static final Set<String> METHODS =
            new LinkedHashSet<>(List.of("GET", "POST", "DELETE"));
    private static final Set<String> INBOUND_STATUSES =
            new LinkedHashSet<>(List.of("429", "500", "503"));
    private static final Set<String> ERRORS = new LinkedHashSet<>(List.of("refused", "timeout"));

    /** A rule as the API shows it. */
    record FaultRepresentation(
            String sid,
            String accountSid,
            String dateCreated,
            String direction,
            String method,
            String path,
            Integer status,
            String latency,
            String error,
            Integer count,
            Integer percent) {

        static FaultRepresentation of(Fault fault) {
            return new FaultRepresentation(
                    fault.sid(),
                    fault.accountSid(),
                    Rfc2822.format(fault.dateCreated()),
                    lower(fault.direction()),
                    fault.method(),
                    fault.path(),
                    fault.status(),
                    ScenarioRequests.format(fault.latency()),
                    fault.error() == null ? null : lower(fault.error()),
                    fault.remaining(),
                    fault.percent());
        }

        private static String lower(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT);
        }
    }

    private final Faults faults;
    private final TwilioRenderer renderer;
    private final Clock clock;

    FaultController(Faults faults, TwilioRenderer renderer, Clock clock) {
        this.faults = faults;
        this.renderer = renderer;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<byte[]> create(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @RequestParam MultiValueMap<String, String> form) {
        Fault fault = faults.create(parse(account, form));
        return renderer.record(201, WireFormat.JSON, "Fault", FaultRepresentation.of(fault));
    }

    @GetMapping
    ResponseEntity<byte[]> list(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account) {
        return renderer.record(
                200,
                WireFormat.JSON,
                "Faults",
                Map.of(
                        "faults",
                        faults.list(account).stream().map(FaultRepresentation::of).toList()));
    }

    @DeleteMapping("/{sid}")
    ResponseEntity<Void> delete(
            @RequestAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE) String account,
            @PathVariable String sid) {
        if (!faults.delete(account, sid)) {
            throw TwilioException.notFound("/dialtone/faults/" + sid);
        }
        return ResponseEntity.noContent().build();
    }

    private Fault parse(String account, MultiValueMap<String, String> form) {
        FormParameters p = new FormParameters(form);
        String direction = p.choice("Direction", TwilioErrorCodes.INVALID_PARAMETER, DIRECTIONS);
        boolean outbound = "outbound".equals(direction);
        String path = p.text("Path");
        if (path == null) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.MISSING_PARAMETER, "Missing required parameter Path");
        }
        if (path.length() > FormParameters.MAX_URL_LENGTH) {
            throw invalid("Path must be at most " + FormParameters.MAX_URL_LENGTH + " characters");
        }
        String method = p.text("Method");
        if (method != null && !METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            throw invalid("Method must be one of GET, POST, DELETE, was " + method);
        }
        String status = p.text("Status");
        if (status != null && !outbound && !INBOUND_STATUSES.contains(status)) {
            throw invalid("Status must be one of 429, 500, 503, was " + status);
        }
        Integer code =
                outbound
                        ? p.integer("Status", TwilioErrorCodes.INVALID_PARAMETER, 400, 599)
                        : status == null ? null : Integer.valueOf(status);
        String error = p.choice("Error", TwilioErrorCodes.INVALID_PARAMETER, ERRORS);
        if (error != null && !outbound) {
            throw invalid("Error applies to Direction=outbound only");
        }
        Duration latency = ScenarioRequests.duration(form, "Latency");
        if (code == null && latency == null && error == null) {
            throw invalid("A fault needs a Status, a Latency or (outbound) an Error");
        }
        Integer count = p.integer("Count", TwilioErrorCodes.INVALID_PARAMETER, 1, 1_000_000);
        Integer percent = p.integer("Percent", TwilioErrorCodes.INVALID_PARAMETER, 1, 100);
        if (count != null && percent != null) {
            throw invalid("Give Count or Percent, not both");
        }
        return new Fault(
                Sids.next("DF", clock),
                account,
                outbound ? Fault.Direction.OUTBOUND : Fault.Direction.INBOUND,
                method == null ? null : method.toUpperCase(Locale.ROOT),
                path,
                code,
                latency,
                error == null ? null : Fault.Error.valueOf(error.toUpperCase(Locale.ROOT)),
                count,
                percent,
                DatabaseTime.now(clock));
    }

    private static TwilioException invalid(String message) {
        return TwilioException.badRequest(TwilioErrorCodes.INVALID_PARAMETER, message);
    }
}
