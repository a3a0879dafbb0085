package dev.dialtone.accounts;

import dev.dialtone.web.TwilioException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * HTTP Basic auth for the 2010 API: the credentials must belong to the account named in the path.
 * Requests for one account with another's credentials are refused like bad credentials.
 */
public class BasicAuthInterceptor implements HandlerInterceptor {

    static final String ACCOUNTS_PREFIX = "/2010-04-01/Accounts/";

    /** The request attribute that holds the account the credentials belong to. */
    public static final String ACCOUNT_ATTRIBUTE = "dev.dialtone.account";

    private final AccountRegistry registry;

    BasicAuthInterceptor(AccountRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String account = credentialsAccount(request.getHeader(HttpHeaders.AUTHORIZATION))
                .orElseThrow(TwilioException::unauthorized);
        String pathAccount = pathAccount(request.getRequestURI());
        if (pathAccount != null && !pathAccount.equals(account)) {
            throw TwilioException.unauthorized();
        }
        request.setAttribute(ACCOUNT_ATTRIBUTE, account);
        return true;
    }

    private Optional<String> credentialsAccount(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return registry.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The account SID segment of the path, if it names one. */
    private static String pathAccount(String uri) {
        if (!uri.startsWith(ACCOUNTS_PREFIX)) {
            return null;
        }
        int end = uri.indexOf('/', ACCOUNTS_PREFIX.length());
        return uri.substring(ACCOUNTS_PREFIX.length(), end < 0 ? uri.length() : end);
    }
}
