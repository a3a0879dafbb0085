package dev.dialtone.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twilio's date format: {@code Tue, 31 Aug 2010 20:36:28 +0000}, always UTC, two-digit day. */
public final class Rfc2822 {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
                    .withZone(ZoneOffset.UTC);

    private Rfc2822() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
