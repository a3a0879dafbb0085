package dev.dialtone.junit;

import com.twilio.http.TwilioRestClient;

/**
 * twilio-java pointed at Dialtone. Kept apart from {@link Dialtone} so that a test without
 * twilio-java never loads it.
 */
final class TwilioClients {

    private TwilioClients() {}

    static TwilioRestClient pointedAt(String baseUrl, String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new DialtoneHttpClient(baseUrl))
                .build();
    }
}
