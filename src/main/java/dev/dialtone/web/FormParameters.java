package dev.dialtone.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of Twilio's PascalCase form parameters. An empty value counts as absent; a malformed
 * one is a Twilio error naming the parameter. Unknown parameters are never looked at.
 */
public final class FormParameters {

    public static final int MAX_URL_LENGTH = 4000;
    private static final int MAX_TEXT_LENGTH = 255;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,9}");

    private final Map<String, List<String>> values;

    public FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public String text(String name) {
        List<String> given = values.get(name);
        if (given == null) {
            return null;
        }
        for (String value : given) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** Free text stored as given, up to Twilio's usual length. */
    public String shortText(String name) {
        String value = text(name);
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            throw invalid(name, name + " must be at most " + MAX_TEXT_LENGTH + " characters long");
        }
        return value;
    }

    /** An absolute http(s) URL, as Twilio requires for every webhook parameter. */
    public String url(String name, int code) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_URL_LENGTH || !isAbsoluteHttpUrl(value)) {
            throw TwilioException.badRequest(code, name + " is not a valid URL: " + value);
        }
        return value;
    }

    public WebhookMethod method(String name, WebhookMethod fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "GET" -> WebhookMethod.GET;
            case "POST" -> WebhookMethod.POST;
            default ->
                    throw TwilioException.badRequest(
                            TwilioErrorCodes.METHOD_INVALID,
                            name + " must be either GET or POST, was " + value);
        };
    }

    public Integer integer(String name, int code, int min, int max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value.trim()).matches()) {
            throw TwilioException.badRequest(code, name + " must be an integer, was " + value);
        }
        int number = Integer.parseInt(value.trim());
        if (number < min || number > max) {
            throw TwilioException.badRequest(
                    code, name + " must be between " + min + " and " + max + ", was " + value);
        }
        return number;
    }

    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, name + " must be true or false, was " + value);
        };
    }

    /** One of a fixed set of words. */
    public String choice(String name, int code, Set<String> allowed) {
        String value = text(name);
        if (value != null && !allowed.contains(value)) {
            throw TwilioException.badRequest(
                    code,
                    name + " must be one of " + String.join(", ", allowed) + ", was " + value);
        }
        return value;
    }

    public String sid(String name, String prefix, int code) {
        String value = text(name);
        if (value != null && !Pattern.matches(prefix + "[0-9a-fA-F]{32}", value)) {
            throw TwilioException.badRequest(
                    code, name + " is not a valid " + prefix + " SID: " + value);
        }
        return value;
    }

    /**
     * A list parameter, taken as repeated keys or as one value separated by spaces or commas, in
     * the order given and without repeats.
     */
    public List<String> words(String name, int code, Set<String> allowed) {
        List<String> given = values.get(name);
        if (given == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String value : given) {
            if (value == null) {
                continue;
            }
            for (String word : value.split("[\\s,]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(word)) {
                    throw TwilioException.badRequest(
                            code,
                            "Invalid '"
                                    + name
                                    + "': "
                                    + word
                                    + " (must be one of "
                                    + String.join(", ", allowed)
                                    + ")");
                }
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }

    public static TwilioException invalid(String name, String message) {
        return TwilioException.badRequest(TwilioErrorCodes.INVALID_PARAMETER, message);
    }

    private static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
