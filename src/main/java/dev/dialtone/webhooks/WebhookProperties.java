package dev.dialtone.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Dialtone sends webhooks ({@code dialtone.webhooks}); Twilio's defaults. A URL's fragment
 * ({@code #ct=1000&rt=2000&rc=3&rp=all}) overrides them for that URL, as on Twilio.
 *
 * @param connectTimeout time to connect to the receiver
 * @param readTimeout time to wait for the receiver's answer
 * @param retries attempts after the first
 * @param retryBackoff wait before the first retry; doubled for each one after
 * @param sweepInterval how often webhooks due but not yet sent are looked for
 * @param enabled false for an instance that serves the API only and leaves sending to others
 */
@ConfigurationProperties("dialtone.webhooks")
public record WebhookProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("1") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("500ms") Duration sweepInterval,
        @DefaultValue("true") boolean enabled) {}
