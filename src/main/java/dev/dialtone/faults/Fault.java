package dev.dialtone.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A fault rule: which requests it touches ({@code direction}, {@code method} or any, {@code path}
 * with {@code *} for any run of characters: an API path inbound, a whole URL outbound), what it
 * does to them ({@code status}, {@code latency}, or outbound an {@code error}), and to how many
 * ({@code remaining} of the next ones, or a {@code percent} of them, or all).
 */
public record Fault(
        String sid,
        String accountSid,
        Direction direction,
        String method,
        String path,
        Integer status,
        Duration latency,
        Error error,
        Integer remaining,
        Integer percent,
        Instant dateCreated) {

    /** Requests made to Dialtone, or requests Dialtone makes. */
    public enum Direction {
        INBOUND,
        OUTBOUND
    }

    /** How an outbound request fails without an answer. */
    public enum Error {
        REFUSED,
        TIMEOUT
    }

    /** Whether the rule is about this request. */
    boolean matches(Direction direction, String method, String path) {
        return this.direction == direction
                && (this.method == null || this.method.equalsIgnoreCase(method))
                && (remaining == null || remaining > 0)
                && glob(this.path).matcher(path).matches();
    }

    /** {@code *} matches any run of characters; everything else is itself. */
    static Pattern glob(String glob) {
        StringJoiner regex = new StringJoiner(".*");
        for (String part : glob.split("\\*", -1)) {
            regex.add(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
