package dev.dialtone.lifecycle;

import static dev.dialtone.support.ApiTest.callsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.StandaloneDialtone;
import dev.dialtone.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dialtone stops in the middle of calls; the next one on the same database finishes them all. */
class RestartRecoveryTest {

    private static final int CALLS = 30;

    @TempDir Path dataDir;

    @Test
    void finishesEveryCallAndSendsEveryCallbackAfterARestart() throws Exception {
        try (StandaloneDialtone.Database database = StandaloneDialtone.Database.inFile(dataDir);
                WebhookReceiver receiver = new WebhookReceiver()) {
            // Long enough that the last of the calls is answered before the first ends, even in a
            // JVM still cold (the callee's talk time is raised to match, below).
            receiver.twiml("/twiml", "<Response><Pause length=\"6\"/><Hangup/></Response>");
            List<String> sids = new ArrayList<>();
            try (StandaloneDialtone first = StandaloneDialtone.start(database, "fast")) {
                first.asOne()
                        .formParam("ToPattern", "\\+1415556.*")
                        .formParam("TalkTime", "30s")
                        .post("/dialtone/scenarios")
                        .then()
                        .statusCode(201);
                for (int i = 0; i < CALLS; i++) {
                    sids.add(
                            first.asOne()
                                    .formParam("To", "+1415556" + String.format("%04d", i))
                                    .formParam("From", "+15005550006")
                                    .formParam("Url", receiver.url("/twiml"))
                                    .formParam("StatusCallback", receiver.url("/status"))
                                    .formParam(
                                            "StatusCallbackEvent",
                                            "initiated ringing answered completed")
                                    .post(callsJson())
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .path("sid"));
                }
                // Stop once every call is under way and none has finished.
                await().atMost(Duration.ofSeconds(15))
                        .until(
                                () ->
                                        sids.stream()
                                                .allMatch(
                                                        sid ->
                                                                "in-progress"
                                                                        .equals(
                                                                                first.status(
                                                                                        sid))));
            }
            try (StandaloneDialtone second = StandaloneDialtone.start(database, "fast")) {
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        sids.stream()
                                                .allMatch(
                                                        sid ->
                                                                "completed"
                                                                        .equals(
                                                                                second.status(
                                                                                        sid))));
                Set<String> ours = Set.copyOf(sids);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> distinctCallbacks(receiver, ours) == CALLS * 4);
                for (String sid : sids) {
                    assertThat(
                                    receiver.requests(sid, "/status").stream()
                                            .map(r -> r.parameter("SequenceNumber"))
                                            .collect(Collectors.toSet()))
                            .as(sid)
                            .containsExactlyInAnyOrder("0", "1", "2", "3");
                }
            }
        }
    }

    private static long distinctCallbacks(WebhookReceiver receiver, Set<String> sids) {
        return receiver
                .requests(r -> r.path().equals("/status") && sids.contains(r.parameter("CallSid")))
                .stream()
                .map(r -> r.parameter("CallSid") + "#" + r.parameter("SequenceNumber"))
                .distinct()
                .count();
    }
}
