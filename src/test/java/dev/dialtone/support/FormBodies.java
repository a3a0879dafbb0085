package dev.dialtone.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a form body as the test receivers see it, written apart from Dialtone's own encoder so that
 * a fault in one is not hidden by the same fault in the other.
 */
final class FormBodies {

    private FormBodies() {}

    /** Each name's last value, in the order the names first came; a bare name maps to "". */
    static Map<String, String> decode(String form) {
        Map<String, String> map = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return map;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            map.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return map;
    }
}
