package dev.dialtone.accounts;

import dev.dialtone.web.TwilioException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * HTTP Basic auth for every route: the credentials must be an account's (or one of its API keys'),
 * and a route whose path names an account must name that one. The account named is read from the
 * path variable Spring matched, the very value the controller acts on, so no spelling of the path
 * (matrix parameters, percent-escapes) can name one account to the check and another to the
 * controller. Requests for one account with another's credentials are refused like bad credentials.
 */
public class BasicAuthInterceptor implements HandlerInterceptor {

    /** The path variable by which a route names the account it acts on. */
    public static final String ACCOUNT_VARIABLE = "accountSid";

    /** The request attribute that holds the account the credentials belong to. */
    public static final String ACCOUNT_ATTRIBUTE = "dev.dialtone.account";

    private final AccountRegistry registry;

    BasicAuthInterceptor(AccountRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        String account =
                credentialsAccount(request.getHeader(HttpHeaders.AUTHORIZATION))
                        .orElseThrow(TwilioException::unauthorized);
        if (!(handler instanceof HandlerMethod)) {
            // Only controller methods are routes of ours; whatever else answers cannot
            // say whose it is.
            throw TwilioException.unauthorized();
        }
        if (!allowed(account, pathVariables(request))) {
            throw TwilioException.unauthorized();
        }
        request.setAttribute(ACCOUNT_ATTRIBUTE, account);
        return true;
    }

    /**
     * Whether credentials of {@code account} may use a route matched with these path variables: a
     * route that names no account acts on the credentials' own.
     */
    static boolean allowed(String account, Map<String, String> pathVariables) {
        String named = pathVariables.get(ACCOUNT_VARIABLE);
        return named == null || named.equals(account);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private Optional<String> credentialsAccount(String header) {
        return registry.authenticate(header);
    }
}
