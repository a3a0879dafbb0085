package dev.dialtone.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import dev.dialtone.junit.DialtoneHttpClient;
import dev.dialtone.support.ApiTest;
import dev.dialtone.support.TestAccounts;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official twilio-java SDK, pointed at Dialtone, must read every answer. */
class TwilioJavaSdkTest extends ApiTest {

    private TwilioRestClient client;

    @BeforeEach
    void buildClient() {
        client =
                new TwilioRestClient.Builder(TestAccounts.ONE, TestAccounts.ONE_TOKEN)
                        .httpClient(new DialtoneHttpClient("http://localhost:" + port))
                        .build();
    }

    @Test
    void createsFetchesUpdatesAndDeletesACall() {
        String to = uniqueNumber();
        Call created =
                Call.creator(
                                new PhoneNumber(to),
                                new PhoneNumber("+15005550006"),
                                URI.create("http://app.test/twiml"))
                        .setStatusCallback(URI.create("http://app.test/status"))
                        .setStatusCallbackEvent(
                                List.of("initiated", "ringing", "answered", "completed"))
                        .setStatusCallbackMethod(HttpMethod.POST)
                        .setTimeout(30)
                        .create(client);
        assertThat(created.getSid()).matches("CA[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);
        assertThat(created.getTo()).isEqualTo(to);
        assertThat(created.getDirection()).isEqualTo("outbound-api");
        assertThat(created.getDateCreated()).isNotNull();
        assertThat(created.getPriceUnit().getCurrencyCode()).isEqualTo("USD");
        assertThat(created.getQueueTime()).isEqualTo("0");
        assertThat(created.getSubresourceUris()).containsKey("recordings");

        Call fetched = Call.fetcher(created.getSid()).fetch(client);
        assertThat(fetched.getSid()).isEqualTo(created.getSid());
        assertThat(fetched.getDateCreated()).isEqualTo(created.getDateCreated());

        Call canceled =
                Call.updater(created.getSid()).setStatus(Call.UpdateStatus.CANCELED).update(client);
        assertThat(canceled.getStatus()).isEqualTo(Call.Status.CANCELED);
        assertThat(canceled.getEndTime()).isNotNull();

        assertThat(Call.deleter(created.getSid()).delete(client)).isTrue();
        assertThatThrownBy(() -> Call.fetcher(created.getSid()).fetch(client))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(20404);
                            assertThat(e.getStatusCode()).isEqualTo(404);
                        });
    }

    @Test
    void createsACallWithInlineTwiml() {
        Call created =
                Call.creator(
                                new PhoneNumber(uniqueNumber()),
                                new PhoneNumber("+15005550006"),
                                new com.twilio.type.Twiml("<Response><Say>Hello</Say></Response>"))
                        .create(client);
        assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);
    }

    @Test
    void surfacesTwilioErrorsAsApiExceptions() {
        assertThatThrownBy(
                        () ->
                                Call.creator(
                                                new PhoneNumber("+15005550001"),
                                                new PhoneNumber("+15005550006"),
                                                URI.create("http://app.test/twiml"))
                                        .create(client))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.getCode()).isEqualTo(21217);
                            assertThat(e.getStatusCode()).isEqualTo(400);
                            assertThat(e.getMoreInfo())
                                    .isEqualTo("https://www.twilio.com/docs/errors/21217");
                        });
        Call call =
                Call.creator(
                                new PhoneNumber(uniqueNumber()),
                                new PhoneNumber("+15005550006"),
                                URI.create("http://app.test/twiml"))
                        .create(client);
        Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        assertThatThrownBy(
                        () ->
                                Call.updater(call.getSid())
                                        .setUrl("http://app.test/next")
                                        .update(client))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21220));
    }

    @Test
    void refusesWrongCredentials() {
        TwilioRestClient wrong =
                new TwilioRestClient.Builder(TestAccounts.ONE, "wrong")
                        .httpClient(new DialtoneHttpClient("http://localhost:" + port))
                        .build();
        assertThatThrownBy(() -> Call.reader().read(wrong).iterator().next())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20003));
    }

    @Test
    void worksWithAnApiKey() {
        TwilioRestClient keyed =
                new TwilioRestClient.Builder(TestAccounts.ONE_KEY, TestAccounts.ONE_KEY_SECRET)
                        .accountSid(TestAccounts.ONE)
                        .httpClient(new DialtoneHttpClient("http://localhost:" + port))
                        .build();
        Call call =
                Call.creator(
                                new PhoneNumber(uniqueNumber()),
                                new PhoneNumber("+15005550006"),
                                URI.create("http://app.test/twiml"))
                        .create(keyed);
        assertThat(call.getAccountSid()).isEqualTo(TestAccounts.ONE);
    }

    @Test
    void autoPagesThroughEveryCallWhileNewOnesArrive() {
        String to = uniqueNumber();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            created.add(
                    Call.creator(
                                    new PhoneNumber(to),
                                    new PhoneNumber("+15005550006"),
                                    URI.create("http://app.test/twiml"))
                            .create(client)
                            .getSid());
        }
        List<String> seen = new ArrayList<>();
        for (Call call : Call.reader().setTo(to).setPageSize(25L).read(client)) {
            seen.add(call.getSid());
            if (seen.size() % 25 == 0) {
                // Calls made between pages are newer than the cursor, so they shift nothing.
                Call.creator(
                                new PhoneNumber(to),
                                new PhoneNumber("+15005550006"),
                                URI.create("http://app.test/twiml"))
                        .create(client);
            }
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(120);
        assertThat(new HashSet<>(seen)).isEqualTo(created);
    }

    @Test
    void filtersWithTheSdksDateParameters() {
        String to = uniqueNumber();
        Call call =
                Call.creator(
                                new PhoneNumber(to),
                                new PhoneNumber("+15005550006"),
                                URI.create("http://app.test/twiml"))
                        .create(client);
        Call.updater(call.getSid()).setStatus(Call.UpdateStatus.CANCELED).update(client);
        List<String> endedRecently = new ArrayList<>();
        Call.reader()
                .setTo(to)
                .setEndTimeAfter(ZonedDateTime.now().minusHours(1))
                .read(client)
                .forEach(c -> endedRecently.add(c.getSid()));
        assertThat(endedRecently).containsExactly(call.getSid());
        List<String> endedLongAgo = new ArrayList<>();
        Call.reader()
                .setTo(to)
                .setEndTimeBefore(ZonedDateTime.now().minusDays(2))
                .read(client)
                .forEach(c -> endedLongAgo.add(c.getSid()));
        assertThat(endedLongAgo).isEmpty();
        List<String> queued = new ArrayList<>();
        Call.reader()
                .setTo(to)
                .setStatus(Call.Status.CANCELED)
                .read(client)
                .forEach(c -> queued.add(c.getSid()));
        assertThat(queued).containsExactly(call.getSid());
    }
}
