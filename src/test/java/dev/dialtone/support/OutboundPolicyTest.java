package dev.dialtone.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

    private static final OutboundPolicy DEFAULTS =
            new OutboundPolicy(
                    new OutboundProperties(
                            List.of(),
                            List.of(
                                    "169.254.0.0/16",
                                    "fe80::/10",
                                    "fd00:ec2::254/128",
                                    "100.100.100.200/32",
                                    "metadata.google.internal",
                                    "metadata.goog")));

    @Test
    void theDefaultsDenyLinkLocalAndMetadataServicesAndAllowTheAppsUsualHomes() {
        for (String url :
                List.of(
                        "http://169.254.169.254/latest/meta-data",
                        "http://[fd00:ec2::254]/",
                        "http://[fe80::1]/x",
                        "http://metadata.google.internal/computeMetadata/v1/",
                        "http://METADATA.GOOGLE.INTERNAL/",
                        "http://[::ffff:169.254.169.254]/")) {
            assertThat(DEFAULTS.refusalByName(url)).as(url).isPresent();
            assertThat(DEFAULTS.refusal(url)).as(url).isPresent();
        }
        for (String url :
                List.of(
                        "http://127.0.0.1:3000/twiml",
                        "http://localhost/x",
                        "http://10.1.2.3/",
                        "http://192.168.0.7:8080/",
                        "http://172.16.5.4/",
                        "http://[::1]:3000/",
                        "https://app.example.com/voice")) {
            assertThat(DEFAULTS.refusalByName(url)).as(url).isEmpty();
        }
        assertThat(DEFAULTS.refusal("http://localhost/x")).isEmpty();
    }

    @Test
    void anAllowListAdmitsOnlyWhatItNames() {
        OutboundPolicy policy =
                new OutboundPolicy(
                        new OutboundProperties(
                                List.of("127.0.0.0/8", "*.example.com"),
                                List.of("bad.example.com")));
        assertThat(policy.refusalByName("http://127.0.0.1/x")).isEmpty();
        assertThat(policy.refusalByName("https://app.example.com/x")).isEmpty();
        assertThat(policy.refusalByName("https://bad.example.com/x")).isPresent();
        assertThat(policy.refusalByName("http://10.0.0.1/x")).isPresent();
        assertThat(policy.refusal("http://localhost/x"))
                .as("localhost resolves into 127.0.0.0/8")
                .isEmpty();
    }
}
