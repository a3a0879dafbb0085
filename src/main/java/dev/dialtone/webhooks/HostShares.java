package dev.dialtone.webhooks;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many deliveries are under way to each host, so one receiver's slowness costs the others
 * little: a host gets at most {@code share} at once, and once its last answer was a failure (a
 * timeout, a refused connection) at most {@code failingShare}, until it answers again.
 */
final class HostShares {

    private final int share;
    private final int failingShare;
    private final Map<String, Integer> underWay = new HashMap<>();
    private final Set<String> failing = new HashSet<>();

    HostShares(int share, int failingShare) {
        this.share = share;
        this.failingShare = failingShare;
    }

    /** Takes a place for a delivery to this URL's host, if it has room. */
    synchronized boolean tryTake(String url) {
        String host = host(url);
        int current = underWay.getOrDefault(host, 0);
        if (current >= (failing.contains(host) ? failingShare : share)) {
            return false;
        }
        underWay.put(host, current + 1);
        return true;
    }

    /**
     * The most deliveries any host under way could still take: a claim of more than that (or than
     * the room of a host not under way, which it cannot see) would only hold rows back.
     */
    synchronized int largestFreeShare() {
        if (underWay.isEmpty()) {
            return share;
        }
        int largest = 0;
        for (Map.Entry<String, Integer> host : underWay.entrySet()) {
            int limit = failing.contains(host.getKey()) ? failingShare : share;
            largest = Math.max(largest, limit - host.getValue());
        }
        return largest;
    }

    /** The delivery is done; {@code failed} says whether the host failed to answer. */
    synchronized void release(String url, boolean failed) {
        String host = host(url);
        underWay.computeIfPresent(host, (h, n) -> n <= 1 ? null : n - 1);
        if (failed) {
            failing.add(host);
        } else {
            failing.remove(host);
        }
    }

    static String host(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getHost() == null ? url : uri.getHost().toLowerCase(Locale.ROOT))
                    + ":"
                    + uri.getPort();
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }
}
