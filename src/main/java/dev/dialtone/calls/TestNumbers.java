package dev.dialtone.calls;

import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;

/** Twilio's magic test numbers, which fail with their documented errors. */
final class TestNumbers {
    /** Twilio's test From that always works. */
    static final String VALID_FROM = "+15005550006";

    private TestNumbers() {}

    static void check(String to, String from) {
        if ("+15005550001".equals(from)) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.FROM_INVALID, "From is not a valid phone number: " + from);
        }
        switch (to) {
            case "+15005550001" ->
                    throw TwilioException.badRequest(
                            TwilioErrorCodes.TO_NOT_VALID_NUMBER,
                            "The phone number you are attempting to call, "
                                    + to
                                    + ", is not valid.");
            case "+15005550002" ->
                    throw TwilioException.badRequest(
                            TwilioErrorCodes.TO_UNREACHABLE, "'To' phone number cannot be reached");
            case "+15005550003" ->
                    throw TwilioException.badRequest(
                            TwilioErrorCodes.GEO_PERMISSION, "Account not allowed to call " + to);
            case "+15005550004" ->
                    throw TwilioException.badRequest(
                            TwilioErrorCodes.BLOCKLISTED,
                            "Call blocked by Twilio blocklist: " + to);
            default -> {}
        }
    }
}
