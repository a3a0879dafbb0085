package dev.dialtone.lifecycle;

import static dev.dialtone.support.ApiTest.callsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dialtone.support.ApiTest;
import dev.dialtone.support.StandaloneDialtone;
import dev.dialtone.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two instances on one database: each call advances once, each callback leaves once. */
class TwoInstancesTest {

    private static final int CALLS = 500;

    @Test
    void twoInstancesApplyEveryTransitionAndSendEveryCallbackOnce() throws Exception {
        try (StandaloneDialtone.Database database = StandaloneDialtone.Database.inMemory();
                WebhookReceiver receiver = new WebhookReceiver();
                StandaloneDialtone first = StandaloneDialtone.start(database, "fast");
                StandaloneDialtone second = StandaloneDialtone.start(database, "fast")) {
            receiver.twiml("/twiml", "<Response><Say>Hi</Say><Hangup/></Response>");
            List<String> sids = new ArrayList<>();
            Set<String> fetched = new HashSet<>();
            for (int i = 0; i < CALLS; i++) {
                StandaloneDialtone instance = i % 2 == 0 ? first : second;
                var request =
                        instance.asOne()
                                .formParam("To", "+1415555" + String.format("%04d", i))
                                .formParam("From", "+15005550006")
                                .formParam("StatusCallback", receiver.url("/status"))
                                .formParam(
                                        "StatusCallbackEvent",
                                        "initiated ringing answered completed");
                boolean fetches = i % 4 < 2;
                if (fetches) {
                    request.formParam("Url", receiver.url("/twiml"));
                } else {
                    request.formParam("Twiml", "<Response><Say>Hi</Say><Hangup/></Response>");
                }
                String sid = request.post(callsJson()).then().statusCode(201).extract().path("sid");
                sids.add(sid);
                if (fetches) {
                    fetched.add(sid);
                }
            }
            Set<String> ours = Set.copyOf(sids);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> callbacks(receiver, ours).size() >= CALLS * 4);

            List<WebhookReceiver.Received> callbacks = callbacks(receiver, ours);
            assertThat(callbacks).hasSize(CALLS * 4);
            Map<String, List<String>> sequences =
                    callbacks.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            r -> r.parameter("CallSid"),
                                            Collectors.mapping(
                                                    r -> r.parameter("SequenceNumber"),
                                                    Collectors.toList())));
            assertThat(sequences).hasSize(CALLS);
            sequences.forEach(
                    (sid, seen) -> assertThat(seen).as(sid).containsExactly("0", "1", "2", "3"));
            for (String sid : sids) {
                assertThat(receiver.requests(sid, "/twiml"))
                        .as(sid)
                        .hasSize(fetched.contains(sid) ? 1 : 0);
                assertThat(
                                first.asOne()
                                        .get(ApiTest.callJson(sid))
                                        .then()
                                        .extract()
                                        .<String>path("status"))
                        .isEqualTo("completed");
            }
        }
    }

    private static List<WebhookReceiver.Received> callbacks(
            WebhookReceiver receiver, Set<String> sids) {
        return receiver.requests(
                r -> r.path().equals("/status") && sids.contains(r.parameter("CallSid")));
    }
}
