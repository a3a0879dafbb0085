package dev.dialtone.twiml;

import java.util.List;
import java.util.Map;

/** One TwiML verb: its name, attributes, text and the verbs or nouns nested in it. */
public record Verb(String name, Map<String, String> attributes, String text, List<Verb> children) {
    String attribute(String name, String fallback) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** An attribute as written, blank included ({@code finishOnKey=""} means no key). */
    String rawAttribute(String name) {
        return attributes.get(name);
    }
}
