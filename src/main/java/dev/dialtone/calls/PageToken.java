package dev.dialtone.calls;

import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyset cursor: the call a page starts after ({@code PA…}) or before ({@code PB…}), by its
 * creation time and SID, so pages stay stable while calls are created. Opaque to clients.
 */
record PageToken(boolean after, Instant dateCreated, String sid) {

    private static final Pattern FORMAT = Pattern.compile("P([AB])(CA[0-9a-f]{32})-([0-9]{1,19})");

    static PageToken after(CallView call) {
        return new PageToken(true, call.dateCreated(), call.sid());
    }

    static PageToken before(CallView call) {
        return new PageToken(false, call.dateCreated(), call.sid());
    }

    static PageToken parse(String token) {
        Matcher m = FORMAT.matcher(token);
        if (!m.matches()) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.PAGE_TOKEN_INVALID, "Invalid PageToken");
        }
        long micros;
        try {
            micros = Long.parseLong(m.group(3));
        } catch (NumberFormatException tooLarge) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.PAGE_TOKEN_INVALID, "Invalid PageToken");
        }
        Instant created = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        // No call is created after the year 9999; a later time is no token of ours, and
        // no database compares it.
        if (created.isAfter(CallFilter.LATEST)) {
            throw TwilioException.badRequest(
                    TwilioErrorCodes.PAGE_TOKEN_INVALID, "Invalid PageToken");
        }
        return new PageToken(m.group(1).equals("A"), created, m.group(2));
    }

    String encode() {
        return "P"
                + (after ? "A" : "B")
                + sid
                + "-"
                + ChronoUnit.MICROS.between(Instant.EPOCH, dateCreated);
    }
}
