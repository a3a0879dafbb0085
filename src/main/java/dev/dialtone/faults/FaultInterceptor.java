package dev.dialtone.faults;

import dev.dialtone.accounts.BasicAuthInterceptor;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the inbound fault rules to Twilio's API, once the credentials say whose request it is:
 * the request waits out the rule's latency, then is answered the rule's error in Twilio's shape, or
 * goes on.
 */
class FaultInterceptor implements HandlerInterceptor {

    private final Faults faults;

    FaultInterceptor(Faults faults) {
        this.faults = faults;
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        Object account = request.getAttribute(BasicAuthInterceptor.ACCOUNT_ATTRIBUTE);
        if (account == null) {
            return true;
        }
        Optional<Fault> met =
                faults.meet(
                        account.toString(),
                        Fault.Direction.INBOUND,
                        request.getMethod(),
                        request.getRequestURI());
        if (met.isEmpty()) {
            return true;
        }
        Fault fault = met.get();
        if (fault.latency() != null) {
            Thread.sleep(fault.latency().toMillis());
        }
        if (fault.status() != null) {
            throw error(fault);
        }
        return true;
    }

    /** The error a rule answers, with Twilio's code for its status. */
    static TwilioException error(Fault fault) {
        int status = fault.status();
        return switch (status) {
            case 429 ->
                    new TwilioException(
                            429, TwilioErrorCodes.TOO_MANY_REQUESTS, "Too Many Requests");
            case 503 ->
                    new TwilioException(
                            503, TwilioErrorCodes.SERVICE_UNAVAILABLE, "Service Unavailable");
            default ->
                    new TwilioException(
                            status,
                            TwilioErrorCodes.INTERNAL_SERVER_ERROR,
                            "Internal Server Error (fault " + fault.sid() + ")");
        };
    }
}
