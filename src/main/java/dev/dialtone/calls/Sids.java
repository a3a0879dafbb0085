package dev.dialtone.calls;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio-style SIDs: a two-letter prefix and 32 lowercase hex digits from a secure random source. */
final class Sids {
    /** One generator per thread: a shared one serialises every create on its lock. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final HexFormat HEX = HexFormat.of();

    private Sids() {}

    static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }
}
