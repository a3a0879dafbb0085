package dev.dialtone.calls;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio-style SIDs: a two-letter prefix and 32 lowercase hex digits from a secure random source. */
final class Sids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Sids() {}

    static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }
}
