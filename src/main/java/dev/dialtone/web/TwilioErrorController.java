package dev.dialtone.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} page (JSON or Whitelabel) so that errors raised outside a
 * controller (filters, the servlet container) still reach the client in Twilio's shape.
 */
@RestController
class TwilioErrorController implements ErrorController {

    private final TwilioRenderer renderer;
    private final ApiExceptionHandler errors;

    TwilioErrorController(TwilioRenderer renderer, ApiExceptionHandler errors) {
        this.renderer = renderer;
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        TwilioException error =
                thrown instanceof Throwable t
                        ? errors.toTwilio(t, path)
                        // Without a status the client asked for /error itself, which is
                        // no resource of ours.
                        : ContainerErrors.forStatus(status instanceof Integer s ? s : 404, path);
        return renderer.error(WireFormat.ofPath(path), error);
    }
}
