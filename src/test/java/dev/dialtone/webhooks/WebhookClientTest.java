package dev.dialtone.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.dialtone.accounts.AccountRegistry;
import dev.dialtone.accounts.AccountsProperties;
import dev.dialtone.faults.FaultRules;
import dev.dialtone.support.OutboundPolicy;
import dev.dialtone.support.OutboundProperties;
import dev.dialtone.support.WebhookReceiver;
import dev.dialtone.web.WebhookMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dialtone's own requests: on whose threads they complete, credentials in URLs, redirects, and
 * targets it must not reach.
 */
class WebhookClientTest {

    private static final String ACCOUNT = "AC33333333333333333333333333333333";

    private final WebhookClient client =
            new WebhookClient(
                    new AccountRegistry(
                            new AccountsProperties(
                                    List.of(
                                            new AccountsProperties.Account(
                                                    ACCOUNT, "token", List.of())))),
                    new OutboundPolicy(
                            new OutboundProperties(
                                    List.of(),
                                    List.of("169.254.0.0/16", "metadata.google.internal"))),
                    FaultRules.NONE);
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void close() {
        client.destroy();
        receiver.close();
    }

    /**
     * What callers chain on a delivery (recording it in the database) runs on the client's own
     * bounded pool.
     */
    @Test
    void completesAnswersAndFailuresOnItsOwnThreads() throws Exception {
        receiver.answer("/ok", 200, "fine");
        String answered =
                client.send(
                                ACCOUNT,
                                settings(receiver.url("/ok")),
                                WebhookMethod.POST,
                                List.of(Map.entry("A", "1")))
                        .thenApply(
                                outcome ->
                                        outcome.statusCode()
                                                + " "
                                                + Thread.currentThread().getName())
                        .get(10, TimeUnit.SECONDS);
        String refused =
                client.send(
                                ACCOUNT,
                                settings("http://127.0.0.1:9/closed"),
                                WebhookMethod.POST,
                                List.of())
                        .thenApply(
                                outcome ->
                                        outcome.failure() + " " + Thread.currentThread().getName())
                        .get(10, TimeUnit.SECONDS);

        assertThat(answered).isEqualTo("200 dialtone-webhook-completion");
        assertThat(refused).isEqualTo("CONNECT dialtone-webhook-completion");
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndLeftOutOfTheUrl() throws Exception {
        String url = receiver.url("/secured").replace("http://", "http://app:s%40cret@");
        WebhookClient.Outcome outcome = send(url);
        assertThat(outcome.succeeded()).isTrue();
        WebhookReceiver.Received received =
                receiver.requests(r -> r.path().equals("/secured")).get(0);
        assertThat(received.headers().get("authorization"))
                .isEqualTo(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                "app:s@cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(received.url()).isEqualTo(receiver.url("/secured"));
        assertThat(
                        new RequestValidator("token")
                                .validate(
                                        received.url(),
                                        received.formParameters(),
                                        received.signature()))
                .isTrue();
    }

    @Test
    void redirectsAreFollowedAndEachTargetCheckedAgain() throws Exception {
        receiver.redirect("/moved", 302, "/here").answer("/here", 200, "<Response/>");
        WebhookClient.Outcome moved = send(receiver.url("/moved"));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).isEqualTo("<Response/>");
        assertThat(receiver.requests(r -> r.path().equals("/here")).get(0).method())
                .isEqualTo("GET");

        receiver.redirect("/to-metadata", 307, "http://169.254.169.254/latest/meta-data");
        WebhookClient.Outcome refused = send(receiver.url("/to-metadata"));
        assertThat(refused.failure()).isEqualTo(DeliverySettings.Failure.REFUSED);

        receiver.redirect("/loop", 302, "/loop");
        WebhookClient.Outcome loop = send(receiver.url("/loop"));
        assertThat(loop.succeeded()).isFalse();
        assertThat(receiver.requests(r -> r.path().equals("/loop")))
                .hasSize(WebhookClient.MAX_REDIRECTS + 1);
    }

    @Test
    void aDeniedTargetIsNeverContacted() throws Exception {
        WebhookClient.Outcome outcome = send("http://metadata.google.internal/computeMetadata/v1/");
        assertThat(outcome.failure()).isEqualTo(DeliverySettings.Failure.REFUSED);
        assertThat(outcome.error()).contains("dialtone.outbound.denied");
    }

    private WebhookClient.Outcome send(String url) throws Exception {
        return client.send(
                        ACCOUNT,
                        new DeliverySettings(
                                url, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Set.of()),
                        WebhookMethod.POST,
                        List.of(Map.entry("CallSid", "CA1")))
                .get(20, TimeUnit.SECONDS);
    }

    private static DeliverySettings settings(String url) {
        return new DeliverySettings(url, Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Set.of());
    }
}
