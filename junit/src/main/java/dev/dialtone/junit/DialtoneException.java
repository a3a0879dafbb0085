package dev.dialtone.junit;

import java.util.Map;

/**
 * Dialtone refused what the handle asked (a bad scenario, an unknown call…) or could not be
 * reached; {@link #status()} and {@link #code()} are Twilio's HTTP status and error code, 0 when
 * there was no answer.
 */
public class DialtoneException extends RuntimeException {

    private final int status;
    private final int code;

    DialtoneException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = 0;
    }

    private DialtoneException(String message, int status, int code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static DialtoneException answered(String method, String path, int status, String body) {
        int code = 0;
        String message = body;
        try {
            Map<String, Object> error = Json.object(body);
            if (error.get("code") instanceof Number n) {
                code = n.intValue();
            }
            if (error.get("message") instanceof String m) {
                message = m;
            }
        } catch (IllegalArgumentException notJson) {
            // The body itself says what went wrong.
        }
        return new DialtoneException(
                method + " " + path + " answered " + status + " (" + code + "): " + message,
                status,
                code);
    }

    /** The HTTP status Dialtone answered, or 0. */
    public int status() {
        return status;
    }

    /** Twilio's error code from the answer's body, or 0. */
    public int code() {
        return code;
    }
}
