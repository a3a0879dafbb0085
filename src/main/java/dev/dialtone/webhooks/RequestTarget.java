package dev.dialtone.webhooks;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a request goes: its URL without credentials, and the Basic authorization that credentials
 * in the URL ({@code https://user:pass@host/}) stand for, as Twilio sends them. The signature
 * covers the URL as sent, which is the URL the application sees.
 */
record RequestTarget(String url, Optional<String> authorization) {
    static RequestTarget of(String configured) {
        URI uri = URI.create(configured);
        if (uri.getRawUserInfo() == null) {
            return new RequestTarget(configured, Optional.empty());
        }
        String credentials =
                URLDecoder.decode(uri.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
        String bare = configured.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^@/]*@", "$1");
        return new RequestTarget(
                bare,
                Optional.of(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                credentials.getBytes(StandardCharsets.UTF_8))));
    }
}
