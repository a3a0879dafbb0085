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
 * @param waitingSweepInterval how often every waiting webhook is looked at, in case the one ahead
 *     of it was settled without letting it go (its instance died between the two); otherwise each
 *     is let go as the one ahead of it settles
 * @param enabled false for an instance that serves the API only and leaves sending to others
 * @param maxInFlight deliveries under way at once; the rest wait in the outbox (a burst of
 *     thousands sent together would fill the heap)
 * @param maxInFlightPerHost deliveries under way at once to one host, so a receiver that never
 *     answers holds only part of the room
 * @param maxInFlightPerFailingHost the same for a host whose last answer was a timeout or a refused
 *     connection, until it answers again
 */
@ConfigurationProperties("dialtone.webhooks")
public record WebhookProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("1") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("500ms") Duration sweepInterval,
        @DefaultValue("10s") Duration waitingSweepInterval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("128") int maxInFlightPerHost,
        @DefaultValue("4") int maxInFlightPerFailingHost) {}
