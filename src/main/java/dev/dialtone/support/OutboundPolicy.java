package dev.dialtone.support;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether Dialtone may send a request to a URL: by its host name, and by the addresses it
 * resolves to, against {@link OutboundProperties}. Names are checked without DNS when a create
 * names them; the addresses are checked again just before each request, redirects included.
 */
@Component
public class OutboundPolicy {

    private final List<Rule> allowed;
    private final List<Rule> denied;

    public OutboundPolicy(OutboundProperties properties) {
        this.allowed = properties.allowed().stream().map(Rule::parse).toList();
        this.denied = properties.denied().stream().map(Rule::parse).toList();
    }

    /**
     * Why the URL's host may not be reached, judged by its name (and its address, if it is one).
     */
    public Optional<String> refusalByName(String url) {
        String host = host(url);
        if (host == null) {
            return Optional.empty();
        }
        List<InetAddress> addresses = new ArrayList<>();
        literal(host).ifPresent(addresses::add);
        return judge(host, addresses);
    }

    /**
     * Why the URL's host may not be reached, judged by its name and every address it resolves to.
     */
    public Optional<String> refusal(String url) {
        String host = host(url);
        if (host == null) {
            return Optional.empty();
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException unknown) {
            // The request itself will fail to connect, and say so.
            addresses = List.of();
        }
        return judge(host, addresses);
    }

    private Optional<String> judge(String host, List<InetAddress> addresses) {
        for (Rule rule : denied) {
            if (rule.matches(host, addresses)) {
                return Optional.of(
                        host + " is denied by dialtone.outbound.denied (" + rule.text() + ")");
            }
        }
        if (!allowed.isEmpty()
                && allowed.stream().noneMatch(rule -> rule.matches(host, addresses))) {
            return Optional.of(host + " is not in dialtone.outbound.allowed");
        }
        return Optional.empty();
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("[") && host.endsWith("]")
                    ? host.substring(1, host.length() - 1)
                    : host;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** The address a host names without DNS: an IPv4 or IPv6 literal. */
    private static Optional<InetAddress> literal(String host) {
        if (!host.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    /**
     * A host name ({@code a.b}, {@code *.b}) or an address range ({@code 10.0.0.0/8}, {@code
     * fe80::/10}).
     */
    private record Rule(String text, String name, byte[] network, int prefix) {

        static Rule parse(String text) {
            String rule = text.trim().toLowerCase(Locale.ROOT);
            int slash = rule.indexOf('/');
            if (slash < 0) {
                Optional<InetAddress> address = literal(rule);
                return address.map(
                                a ->
                                        new Rule(
                                                text,
                                                null,
                                                a.getAddress(),
                                                a.getAddress().length * 8))
                        .orElseGet(() -> new Rule(text, rule, null, 0));
            }
            InetAddress network =
                    literal(rule.substring(0, slash))
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "dialtone.outbound: not an address range: "
                                                            + text));
            int prefix = Integer.parseInt(rule.substring(slash + 1));
            if (prefix < 0 || prefix > network.getAddress().length * 8) {
                throw new IllegalArgumentException(
                        "dialtone.outbound: prefix out of range: " + text);
            }
            return new Rule(text, null, network.getAddress(), prefix);
        }

        boolean matches(String host, List<InetAddress> addresses) {
            if (name != null) {
                return name.startsWith("*.") ? host.endsWith(name.substring(1)) : host.equals(name);
            }
            return addresses.stream().anyMatch(address -> contains(address.getAddress()));
        }

        private boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
