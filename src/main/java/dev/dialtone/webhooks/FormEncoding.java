package dev.dialtone.webhooks;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Webhook parameters as {@code application/x-www-form-urlencoded} text, in their order. */
public final class FormEncoding {
    private FormEncoding() {}

    public static String encode(List<Map.Entry<String, String>> parameters) {
        StringBuilder form = new StringBuilder();
        for (Map.Entry<String, String> p : parameters) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    public static List<Map.Entry<String, String>> decode(String form) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (form.isEmpty()) {
            return parameters;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            parameters.add(
                    Map.entry(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return parameters;
    }
}
