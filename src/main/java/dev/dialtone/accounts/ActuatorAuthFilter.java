package dev.dialtone.accounts;

import dev.dialtone.web.TwilioException;
import dev.dialtone.web.TwilioRenderer;
import dev.dialtone.web.WireFormat;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator's endpoints tell about the instance (metrics, configuration): all but {@code health}
 * need an account's credentials. The path is judged as the container decoded it, so no spelling of
 * it slips past.
 */
class ActuatorAuthFilter extends OncePerRequestFilter {

    private final AccountRegistry registry;
    private final TwilioRenderer renderer;

    ActuatorAuthFilter(AccountRegistry registry, TwilioRenderer renderer) {
        this.registry = registry;
        this.renderer = renderer;
    }

    /**
     * Whether a decoded request path needs credentials here: anything of Actuator's but its health.
     */
    static boolean needsCredentials(String decodedPath) {
        String path = decodedPath.toLowerCase(Locale.ROOT);
        return path.contains("actuator")
                && !path.equals("/actuator/health")
                && !path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path =
                request.getServletPath()
                        + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (needsCredentials(path)
                && registry.authenticate(request.getHeader("Authorization")).isEmpty()) {
            ResponseEntity<byte[]> refusal =
                    renderer.error(WireFormat.JSON, TwilioException.unauthorized());
            response.setStatus(refusal.getStatusCode().value());
            refusal.getHeaders()
                    .forEach(
                            (name, values) ->
                                    values.forEach(value -> response.addHeader(name, value)));
            response.getOutputStream().write(refusal.getBody());
            return;
        }
        chain.doFilter(request, response);
    }
}
