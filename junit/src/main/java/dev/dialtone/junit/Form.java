package dev.dialtone.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Form fields in order, a name possibly repeated ({@code Digits=1&Digits=2}). */
final class Form {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    Form add(String name, Object value) {
        if (value != null) {
            fields.add(Map.entry(name, String.valueOf(value)));
        }
        return this;
    }

    List<Map.Entry<String, String>> fields() {
        return List.copyOf(fields);
    }

    static String duration(java.time.Duration duration) {
        return duration == null ? null : duration.toMillis() + "ms";
    }
}
