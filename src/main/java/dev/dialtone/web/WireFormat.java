package dev.dialtone.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/** The renderings of the 2010 API, chosen by the path suffix; no suffix means XML, as Twilio. */
public enum WireFormat {
    JSON(".json", MediaType.APPLICATION_JSON),
    XML(".xml", MediaType.APPLICATION_XML),
    CSV(".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));

    private final String suffix;
    private final MediaType mediaType;

    WireFormat(String suffix, MediaType mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * The format a raw request path asks for: its last segment's suffix, read from the path as
     * routing reads it (percent-escapes decoded, {@code ;matrix} parameters left out), so that
     * {@code .json;x=y} and {@code %2Ejson} answer JSON as their successes do.
     */
    public static WireFormat ofPath(String rawPath) {
        if (rawPath == null) {
            return JSON;
        }
        String path = decoded(rawPath);
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        for (WireFormat format : values()) {
            if (last.endsWith(format.suffix)) {
                return format;
            }
        }
        return path.startsWith("/2010-04-01/") ? XML : JSON;
    }

    static String decoded(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            int matrix = segment.indexOf(';');
            String bare = matrix < 0 ? segment : segment.substring(0, matrix);
            try {
                segments.add(UriUtils.decode(bare, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                segments.add(bare);
            }
        }
        return String.join("/", segments);
    }

    /** Splits a path segment such as {@code Calls.json} into its name and format. */
    public static Segment segment(String raw) {
        for (WireFormat format : values()) {
            if (raw.endsWith(format.suffix)) {
                return new Segment(raw.substring(0, raw.length() - format.suffix.length()), format);
            }
        }
        return new Segment(raw, XML);
    }

    public record Segment(String name, WireFormat format) {}
}
