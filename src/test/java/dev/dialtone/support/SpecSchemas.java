package dev.dialtone.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a parsed JSON body against a schema from the copy of Twilio's OpenAPI spec in {@code
 * src/test/resources/twilio-oai}: every declared property present (nullable ones may be null), none
 * undeclared, types, patterns, formats and enums as declared.
 */
public final class SpecSchemas {

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> schemas;

    private SpecSchemas(Map<String, Object> schemas) {
        this.schemas = schemas;
    }

    @SuppressWarnings("unchecked")
    public static SpecSchemas load() {
        return load("call-schemas.json");
    }

    /** The schemas of one file under {@code twilio-oai/}. */
    @SuppressWarnings("unchecked")
    public static SpecSchemas load(String file) {
        try (InputStream in = SpecSchemas.class.getResourceAsStream("/twilio-oai/" + file)) {
            return new SpecSchemas(JsonMapper.builder().build().readValue(in, Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problems found, empty when {@code value} fits the named schema. */
    public List<String> problems(String schemaName, Object value) {
        List<String> problems = new ArrayList<>();
        check(schema(schemaName), value, "$", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(String name) {
        Object schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return (Map<String, Object>) schema;
    }

    @SuppressWarnings("unchecked")
    private void check(
            Map<String, Object> schema, Object value, String path, List<String> problems) {
        Object ref = schema.get("$ref");
        if (ref != null) {
            check(schema(ref.toString().substring(REF_PREFIX.length())), value, path, problems);
            return;
        }
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                problems.add(path + " is null but not nullable");
            }
            return;
        }
        String type = (String) schema.get("type");
        if (type == null) {
            // The spec leaves some values open (a call event's request and response): any goes.
            return;
        }
        switch (type) {
            case "string" -> checkString(schema, value, path, problems);
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    problems.add(path + " should be an integer, was " + value);
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    problems.add(path + " should be an array");
                    return;
                }
                for (int i = 0; i < items.size(); i++) {
                    check(
                            (Map<String, Object>) schema.get("items"),
                            items.get(i),
                            path + "[" + i + "]",
                            problems);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    problems.add(path + " should be a boolean, was " + value);
                }
            }
            case "object" -> checkObject(schema, value, path, problems);
            default -> problems.add(path + ": schema type " + type + " not understood");
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(
            Map<String, Object> schema, Object value, String path, List<String> problems) {
        if (!(value instanceof Map<?, ?> object)) {
            problems.add(path + " should be an object");
            return;
        }
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        if (properties == null) {
            // A free-form object such as subresource_uris (format uri-map): string values only.
            object.forEach(
                    (k, v) -> {
                        if (!(v instanceof String)) {
                            problems.add(path + "." + k + " should be a string");
                        }
                    });
            return;
        }
        properties.forEach(
                (name, property) -> {
                    if (!object.containsKey(name)) {
                        problems.add(path + "." + name + " is missing");
                    } else {
                        check(
                                (Map<String, Object>) property,
                                object.get(name),
                                path + "." + name,
                                problems);
                    }
                });
        object.keySet().stream()
                .filter(k -> !properties.containsKey(k))
                .forEach(k -> problems.add(path + "." + k + " is not in the spec"));
    }

    private static void checkString(
            Map<String, Object> schema, Object value, String path, List<String> problems) {
        if (!(value instanceof String text)) {
            problems.add(
                    path
                            + " should be a string, was "
                            + value.getClass().getSimpleName()
                            + " "
                            + value);
            return;
        }
        Object pattern = schema.get("pattern");
        if (pattern != null && !text.matches(pattern.toString())) {
            problems.add(path + " does not match " + pattern + ": " + text);
        }
        Object min = schema.get("minLength");
        Object max = schema.get("maxLength");
        if (min != null && text.length() < ((Number) min).intValue()
                || max != null && text.length() > ((Number) max).intValue()) {
            problems.add(path + " has the wrong length: " + text);
        }
        Object values = schema.get("enum");
        if (values instanceof List<?> allowed && !allowed.contains(text)) {
            problems.add(path + " is not one of " + allowed + ": " + text);
        }
        Object format = schema.get("format");
        if ("date-time-rfc-2822".equals(format)) {
            try {
                ZonedDateTime parsed = ZonedDateTime.parse(text, RFC_2822);
                if (parsed.getOffset().getTotalSeconds() != 0 || !text.endsWith("+0000")) {
                    problems.add(path + " is not in UTC: " + text);
                }
            } catch (DateTimeParseException e) {
                problems.add(path + " is not an RFC 2822 date: " + text);
            }
        } else if ("uri".equals(format)
                && !text.startsWith("/2010-04-01/")
                && !text.matches("https?://[^\\s/]+/\\S*")) {
            // An API path, or an absolute URL (a notification's more_info and request_url).
            problems.add(path + " is neither an API path nor an absolute URL: " + text);
        } else if ("currency".equals(format) && !text.matches("[A-Z]{3}")) {
            problems.add(path + " is not an ISO 4217 code: " + text);
        }
    }
}
