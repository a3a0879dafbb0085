package dev.dialtone.webhooks;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The settings for one webhook URL: the defaults, overridden by Twilio's connection-override
 * fragment ({@code #ct=…&rt=…&tt=…&rc=…&rp=…}), which is never sent.
 *
 * @param url the URL to request, without its fragment
 */
record DeliverySettings(
        String url,
        Duration connectTimeout,
        Duration readTimeout,
        int retries,
        Set<Failure> retryOn) {

    /** The kinds of failure a retry policy ({@code rp}) names, and one no retry can mend. */
    public enum Failure {
        CONNECT,
        READ,
        CLIENT_ERROR,
        SERVER_ERROR,
        /** The target is not a URL, or {@code dialtone.outbound} does not allow it. */
        REFUSED
    }

    public static DeliverySettings of(String configuredUrl, WebhookProperties defaults) {
        int hash = configuredUrl.indexOf('#');
        String url = hash < 0 ? configuredUrl : configuredUrl.substring(0, hash);
        Duration connect = defaults.connectTimeout();
        Duration read = defaults.readTimeout();
        Duration total = null;
        int retries = defaults.retries();
        Set<Failure> retryOn = EnumSet.of(Failure.CONNECT, Failure.READ, Failure.SERVER_ERROR);
        if (hash >= 0) {
            for (String pair : configuredUrl.substring(hash + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                switch (key) {
                    case "ct" -> connect = millis(value, 100, 10_000, connect);
                    case "rt" -> read = millis(value, 100, 15_000, read);
                    case "tt" -> total = millis(value, 100, 15_000, null);
                    case "rc" -> retries = number(value, 0, 5, retries);
                    case "rp" -> retryOn = policy(value, retryOn);
                    default -> {}
                }
            }
        }
        if (total != null && total.compareTo(read) < 0) {
            read = total;
        }
        return new DeliverySettings(url, connect, read, retries, retryOn);
    }

    private static Duration millis(String value, int min, int max, Duration fallback) {
        int ms = number(value, min, max, -1);
        return ms < 0 ? fallback : Duration.ofMillis(ms);
    }

    private static int number(String value, int min, int max, int fallback) {
        try {
            int n = Integer.parseInt(value);
            return n < min || n > max ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Set<Failure> policy(String value, Set<Failure> fallback) {
        Set<Failure> policy = EnumSet.noneOf(Failure.class);
        for (String word : value.split(",")) {
            switch (word) {
                case "all" ->
                        policy.addAll(
                                EnumSet.of(
                                        Failure.CONNECT,
                                        Failure.READ,
                                        Failure.CLIENT_ERROR,
                                        Failure.SERVER_ERROR));
                case "ct" -> policy.add(Failure.CONNECT);
                case "rt" -> policy.add(Failure.READ);
                case "4xx" -> policy.add(Failure.CLIENT_ERROR);
                case "5xx" -> policy.add(Failure.SERVER_ERROR);
                default -> {
                    return fallback;
                }
            }
        }
        return policy;
    }
}
