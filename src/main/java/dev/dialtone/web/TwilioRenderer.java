package dev.dialtone.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the one representation of a resource (its snake_case fields in order) as JSON, XML or
 * CSV. Everything Dialtone writes to a client in the 2010 API's format comes through here.
 */
@Component
public class TwilioRenderer {

    private static final Map<String, String> PASCAL = new ConcurrentHashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();

    public ResponseEntity<byte[]> record(
            int status, WireFormat format, String element, Map<String, Object> fields) {
        byte[] body =
                switch (format) {
                    case JSON -> json.writeValueAsBytes(fields);
                    case XML -> xml(sb -> appendElement(sb, element, fields));
                    case CSV -> csv(List.of(fields));
                };
        return respond(status, format, body);
    }

    public ResponseEntity<byte[]> list(WireFormat format, String element, ListPage page) {
        byte[] body =
                switch (format) {
                    case JSON -> json.writeValueAsBytes(jsonEnvelope(page));
                    case XML -> xml(sb -> appendList(sb, element, page));
                    case CSV -> csv(page.records());
                };
        return respond(200, format, body);
    }

    public ResponseEntity<byte[]> error(WireFormat format, TwilioException error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", error.code());
        fields.put("message", error.getMessage());
        fields.put("more_info", TwilioErrorCodes.moreInfo(error.code()));
        fields.put("status", error.status());
        byte[] body =
                format == WireFormat.XML
                        ? xml(sb -> appendElement(sb, "RestException", fields))
                        : json.writeValueAsBytes(fields);
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(error.status())
                        .contentType(
                                format == WireFormat.XML
                                        ? WireFormat.XML.mediaType()
                                        : WireFormat.JSON.mediaType());
        if (error.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return builder.body(body);
    }

    /**
     * The error body alone, for places outside Spring MVC (the servlet container's error pages).
     */
    public byte[] errorBody(WireFormat format, TwilioException error) {
        return error(format, error).getBody();
    }

    private static ResponseEntity<byte[]> respond(int status, WireFormat format, byte[] body) {
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }

    private static Map<String, Object> jsonEnvelope(ListPage page) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put(page.key(), page.records());
        envelope.put("end", page.end());
        envelope.put("first_page_uri", page.firstPageUri());
        envelope.put("next_page_uri", page.nextPageUri());
        envelope.put("page", page.page());
        envelope.put("page_size", page.pageSize());
        envelope.put("previous_page_uri", page.previousPageUri());
        envelope.put("start", page.start());
        envelope.put("uri", page.uri());
        return envelope;
    }

    private interface XmlBody {
        void write(StringBuilder sb);
    }

    private static byte[] xml(XmlBody body) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TwilioResponse>");
        body.write(sb);
        sb.append("</TwilioResponse>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendList(StringBuilder sb, String element, ListPage page) {
        sb.append('<').append(pascal(page.key()));
        attribute(sb, "page", page.page());
        attribute(sb, "pagesize", page.pageSize());
        attribute(sb, "start", page.start());
        attribute(sb, "end", page.end());
        attribute(sb, "uri", page.uri());
        attribute(sb, "firstpageuri", page.firstPageUri());
        attribute(sb, "previouspageuri", page.previousPageUri());
        attribute(sb, "nextpageuri", page.nextPageUri());
        sb.append('>');
        for (Map<String, Object> record : page.records()) {
            appendElement(sb, element, record);
        }
        sb.append("</").append(pascal(page.key())).append('>');
    }

    private static void attribute(StringBuilder sb, String name, Object value) {
        sb.append(' ').append(name).append("=\"");
        escape(sb, value == null ? "" : value.toString());
        sb.append('"');
    }

    private static void appendElement(StringBuilder sb, String element, Map<String, ?> fields) {
        sb.append('<').append(element).append('>');
        fields.forEach(
                (key, value) -> {
                    String name = pascal(key);
                    if (value == null) {
                        sb.append('<').append(name).append("/>");
                    } else if (value instanceof Map<?, ?> nested) {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> children = (Map<String, ?>) nested;
                        appendElement(sb, name, children);
                    } else {
                        sb.append('<').append(name).append('>');
                        escape(sb, value.toString());
                        sb.append("</").append(name).append('>');
                    }
                });
        sb.append("</").append(element).append('>');
    }

    private static byte[] csv(List<Map<String, Object>> records) {
        StringBuilder sb = new StringBuilder(1024);
        List<String> columns =
                records.isEmpty()
                        ? List.of()
                        : records.get(0).entrySet().stream()
                                .filter(e -> !(e.getValue() instanceof Map))
                                .map(Map.Entry::getKey)
                                .toList();
        sb.append(String.join(",", columns.stream().map(TwilioRenderer::pascal).toList()))
                .append("\r\n");
        for (Map<String, Object> record : records) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object value = record.get(columns.get(i));
                if (value != null) {
                    csvCell(sb, value.toString());
                }
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void csvCell(StringBuilder sb, String value) {
        if (value.indexOf(',') < 0
                && value.indexOf('"') < 0
                && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            sb.append(value);
        } else {
            sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }

    /** {@code date_created} → {@code DateCreated}. */
    static String pascal(String snake) {
        return PASCAL.computeIfAbsent(
                snake,
                s -> {
                    StringBuilder out = new StringBuilder(s.length());
                    boolean upper = true;
                    for (char c : s.toCharArray()) {
                        if (c == '_') {
                            upper = true;
                        } else {
                            out.append(upper ? Character.toUpperCase(c) : c);
                            upper = false;
                        }
                    }
                    return out.toString();
                });
    }

    private static void escape(StringBuilder sb, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 cannot carry most control characters, even escaped.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        }
    }
}
