package dev.dialtone.junit;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;

/**
 * twilio-java pointed at Dialtone. Kept apart from {@link Dialtone} so that a test without
 * twilio-java never loads it.
 */
final class TwilioClients {

    private TwilioClients() {}

    static TwilioRestClient pointedAt(String baseUrl, String accountSid, String authToken) {
        return new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new Redirected(baseUrl))
                .build();
    }

    /**
     * twilio-java has no base-URL setting; each request is rebuilt on Dialtone's address with all
     * else kept.
     */
    private static final class Redirected extends NetworkHttpClient {

        private final String baseUrl;

        Redirected(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Response makeRequest(Request in) {
            Request out =
                    new Request(
                            in.getMethod(), in.getUrl().replaceFirst("^https?://[^/]+", baseUrl));
            in.getQueryParams().forEach((k, vs) -> vs.forEach(v -> out.addQueryParam(k, v)));
            in.getPostParams().forEach((k, vs) -> vs.forEach(v -> out.addPostParam(k, v)));
            in.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> out.addHeaderParam(k, v)));
            if (in.getUsername() != null) {
                out.setAuth(in.getUsername(), in.getPassword());
            } else if (in.getAuthStrategy() != null) {
                out.setAuth(in.getAuthStrategy());
            }
            out.setContentType(in.getContentType());
            out.setBody(in.getBody());
            out.setUserAgentExtensions(in.getUserAgentExtensions());
            return super.makeRequest(out);
        }
    }
}
