package dev.dialtone.web;

/**
 * The one exception type for every error a client sees. It carries Twilio's error code, the HTTP
 * status and the message; {@link ApiExceptionHandler} renders it in Twilio's shape.
 */
public class TwilioException extends RuntimeException {

    private final int status;
    private final int code;

    public TwilioException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public static TwilioException badRequest(int code, String message) {
        return new TwilioException(400, code, message);
    }

    /** Twilio's answer to an unknown resource echoes the requested path. */
    public static TwilioException notFound(String path) {
        return new TwilioException(
                404,
                TwilioErrorCodes.NOT_FOUND,
                "The requested resource " + path + " was not found");
    }

    public static TwilioException unauthorized() {
        return new TwilioException(401, TwilioErrorCodes.AUTHENTICATE, "Authenticate");
    }
}
