package dev.dialtone.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Twilio-style SIDs: a two-letter prefix and 32 lowercase hex digits. The first 12 digits are the
 * creation time in milliseconds and the other 20 come from a secure random source (as in a UUIDv7),
 * so a new call's key lands at the end of the primary-key index instead of at a random page of it.
 */
public final class Sids {
    /** One generator per thread: a shared one serialises every create on its lock. */
    private static final ThreadLocal<SecureRandom> RANDOM =
            ThreadLocal.withInitial(SecureRandom::new);

    private static final HexFormat HEX = HexFormat.of();

    private Sids() {}

    public static String next(String prefix, Clock clock) {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        long millis = clock.millis();
        for (int i = 5; i >= 0; i--) {
            bytes[i] = (byte) millis;
            millis >>>= 8;
        }
        return prefix + HEX.formatHex(bytes);
    }
}
