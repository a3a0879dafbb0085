package dev.dialtone.calls;

import java.util.regex.Pattern;

/**
 * The three kinds of call endpoint Twilio takes: E.164 numbers, {@code sip:} URIs, {@code client:}
 * names.
 */
final class Endpoints {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern NANP =
            Pattern.compile("\\+1([2-9][0-9]{2})([2-9][0-9]{2})([0-9]{4})");
    private static final Pattern SIP =
            Pattern.compile(
                    "sips?:[^\\s@:;]+@[A-Za-z0-9.\\-\\[\\]:]+(;[^\\s]*)?",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern CLIENT = Pattern.compile("client:[A-Za-z0-9_.@\\-]{1,121}");

    private Endpoints() {}

    static boolean isPhoneNumber(String value) {
        return E164.matcher(value).matches();
    }

    static boolean isValid(String value) {
        return value.length() <= 256
                && (isPhoneNumber(value)
                        || SIP.matcher(value).matches()
                        || CLIENT.matcher(value).matches());
    }

    /** North American numbers read {@code (415) 867-5309}; everything else is shown as given. */
    static String format(String value) {
        var nanp = NANP.matcher(value);
        return nanp.matches()
                ? "(" + nanp.group(1) + ") " + nanp.group(2) + "-" + nanp.group(3)
                : value;
    }
}
