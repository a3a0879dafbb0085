package dev.dialtone.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the account's auth token, over the
 * URL exactly as requested followed by the POST parameters sorted by name (each name then value). A
 * GET carries its parameters in the URL, so only the URL is signed.
 */
final class RequestSigner {
    private RequestSigner() {}

    public static String sign(
            String authToken, String url, List<Map.Entry<String, String>> postParameters) {
        StringBuilder data = new StringBuilder(url);
        postParameters.stream()
                .sorted(
                        Map.Entry.<String, String>comparingByKey()
                                .thenComparing(
                                        Map.Entry.comparingByValue(Comparator.naturalOrder())))
                .forEach(p -> data.append(p.getKey()).append(p.getValue()));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
