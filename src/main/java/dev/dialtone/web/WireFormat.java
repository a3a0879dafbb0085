package dev.dialtone.web;

import org.springframework.http.MediaType;

/** The renderings of the 2010 API, chosen by the path suffix; no suffix means XML, as Twilio. */
public enum WireFormat {
    JSON(".json", MediaType.APPLICATION_JSON),
    XML(".xml", MediaType.APPLICATION_XML),
    CSV(".csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));

    private final String suffix;
    private final MediaType mediaType;

    WireFormat(String suffix, MediaType mediaType) {
        this.suffix = suffix;
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The format a request path asks for: its last segment's suffix. */
    public static WireFormat ofPath(String path) {
        if (path == null) {
            return JSON;
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        for (WireFormat format : values()) {
            if (last.endsWith(format.suffix)) {
                return format;
            }
        }
        return path.startsWith("/2010-04-01/") ? XML : JSON;
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
