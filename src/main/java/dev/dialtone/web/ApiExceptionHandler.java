package dev.dialtone.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where any exception becomes a Twilio-shaped error response. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final OnceLog STORAGE_LOG =
            new OnceLog(log, "Requests refused with 503: the database's storage failed");

    private final TwilioRenderer renderer;
    private final List<ErrorTranslation> translations;

    ApiExceptionHandler(TwilioRenderer renderer, List<ErrorTranslation> translations) {
        this.renderer = renderer;
        this.translations = translations;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> handle(Exception exception, HttpServletRequest request) {
        return renderer.error(
                WireFormat.ofPath(request.getRequestURI()),
                toTwilio(exception, request.getRequestURI()));
    }

    TwilioException toTwilio(Throwable exception, String path) {
        if (exception instanceof TwilioException twilio) {
            return twilio;
        }
        for (ErrorTranslation translation : translations) {
            Optional<TwilioException> translated = translation.translate(exception);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        if (exception instanceof NoResourceFoundException) {
            return TwilioException.notFound(path);
        }
        if (exception instanceof HttpRequestMethodNotSupportedException) {
            return new TwilioException(
                    405, TwilioErrorCodes.METHOD_NOT_ALLOWED, "Method not allowed");
        }
        if (isUnreadableRequest(exception)) {
            return TwilioException.badRequest(
                    TwilioErrorCodes.INVALID_PARAMETER,
                    "The request's parameters could not be read: check their encoding");
        }
        if (exception instanceof ErrorResponse response
                && response.getStatusCode().is4xxClientError()) {
            // Spring's own client errors (unreadable bodies, bad media types …) keep their status.
            int status = response.getStatusCode().value();
            int code =
                    status == 404 ? TwilioErrorCodes.NOT_FOUND : TwilioErrorCodes.INVALID_PARAMETER;
            return new TwilioException(
                    status,
                    code,
                    status == 404
                            ? "The requested resource " + path + " was not found"
                            : "Invalid request");
        }
        if (StorageFailure.is(exception)) {
            STORAGE_LOG.failed(exception);
            return new TwilioException(
                    503,
                    TwilioErrorCodes.SERVICE_UNAVAILABLE,
                    "Dialtone cannot store anything now: its database's storage failed (is the disk full?). Try again later.");
        }
        log.error("Unexpected error serving {}", path, exception);
        return new TwilioException(
                500, TwilioErrorCodes.INTERNAL_SERVER_ERROR, "Internal Server Error");
    }

    /**
     * Bodies and query strings that cannot be decoded (bad escapes, unknown charsets, broken
     * multipart or chunking).
     */
    private static boolean isUnreadableRequest(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof MultipartException
                    || t instanceof HttpMessageNotReadableException
                    || t instanceof InvalidParameterException
                    || t instanceof BadRequestException) {
                return true;
            }
        }
        return false;
    }
}
