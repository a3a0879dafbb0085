package dev.dialtone.support;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Sends twilio-java's requests to Dialtone instead of api.twilio.com: the SDK has no base-URL
 * setting, so the request is rebuilt on the emulator's address with everything else kept.
 */
public final class EmulatorHttpClient extends NetworkHttpClient {

    private final String base;

    public EmulatorHttpClient(String base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request in) {
        Request out =
                new Request(in.getMethod(), in.getUrl().replaceFirst("^https?://[^/]+", base));
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
