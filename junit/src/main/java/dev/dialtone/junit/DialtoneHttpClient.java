package dev.dialtone.junit;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * twilio-java's HTTP client, sending to Dialtone instead of {@code api.twilio.com}: the SDK has no
 * base-URL setting, so each request is rebuilt on Dialtone's address with all else kept. For a
 * client of your own (an API key, your app's configuration):
 *
 * <pre>{@code
 * new TwilioRestClient.Builder(keySid, keySecret).accountSid(accountSid)
 *         .httpClient(new DialtoneHttpClient(dialtone.baseUrl())).build();
 * }</pre>
 */
public class DialtoneHttpClient extends NetworkHttpClient {

    private final String baseUrl;

    /**
     * @param baseUrl Dialtone's address, e.g. {@code http://127.0.0.1:8080}
     */
    public DialtoneHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Response makeRequest(Request in) {
        Request out =
                new Request(in.getMethod(), in.getUrl().replaceFirst("^https?://[^/]+", baseUrl));
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
