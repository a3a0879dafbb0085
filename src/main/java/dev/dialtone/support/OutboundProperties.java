package dev.dialtone.support;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Dialtone may send its requests ({@code dialtone.outbound}): host names (exact, or {@code
 * *.suffix}) and address ranges in CIDR notation. A target is refused when it matches {@code
 * denied}, or when {@code allowed} is not empty and it matches none of it.
 *
 * @param allowed if not empty, the only targets allowed
 * @param denied never reached; by default the link-local range and the cloud metadata services
 */
@ConfigurationProperties("dialtone.outbound")
public record OutboundProperties(
        @DefaultValue({}) List<String> allowed,
        @DefaultValue({
                    "169.254.0.0/16",
                    "fe80::/10",
                    "fd00:ec2::254/128",
                    "100.100.100.200/32",
                    "metadata.google.internal",
                    "metadata.goog"
                })
                List<String> denied) {

    public OutboundProperties {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        denied = denied == null ? List.of() : List.copyOf(denied);
    }
}
