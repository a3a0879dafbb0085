package dev.dialtone.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.accounts.AccountRegistry;
import dev.dialtone.accounts.AccountsProperties;
import dev.dialtone.calls.HttpMethod;
import dev.dialtone.support.OutboundPolicy;
import dev.dialtone.support.OutboundProperties;
import dev.dialtone.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookClientTest {

    private static final String ACCOUNT = "AC33333333333333333333333333333333";

    private final WebhookClient client = new WebhookClient(new AccountRegistry(new AccountsProperties(
            List.of(new AccountsProperties.Account(ACCOUNT, "token", List.of())))),
            new OutboundPolicy(new OutboundProperties(List.of(), List.of("169.254.0.0/16", "metadata.google.internal"))));
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void close() {
        client.destroy();
        receiver.close();
    }

    /** What callers chain on a delivery (recording it in the database) runs on the client's own bounded pool. */
    @Test
    void completesAnswersAndFailuresOnItsOwnThreads() throws Exception {
        receiver.answer("/ok", 200, "fine");
        String answered = client.send(ACCOUNT, settings(receiver.url("/ok")), HttpMethod.POST, List.of(Map.entry("A", "1")))
                .thenApply(outcome -> outcome.statusCode() + " " + Thread.currentThread().getName())
                .get(10, TimeUnit.SECONDS);
        String refused = client.send(ACCOUNT, settings("http://127.0.0.1:9/closed"), HttpMethod.POST, List.of())
                .thenApply(outcome -> outcome.failure() + " " + Thread.currentThread().getName())
                .get(10, TimeUnit.SECONDS);

        assertThat(answered).isEqualTo("200 dialtone-webhook-completion");
        assertThat(refused).isEqualTo("CONNECT dialtone-webhook-completion");
    }

    private static DeliverySettings settings(String url) {
        return new DeliverySettings(url, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Set.of());
    }
}
