package dev.dialtone.twiml;

import java.util.Map;

/** One TwiML verb: its name, attributes and text. */
public record Verb(String name, Map<String, String> attributes, String text) {
    String attribute(String name, String fallback) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
