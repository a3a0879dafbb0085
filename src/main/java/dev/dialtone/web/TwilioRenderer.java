package dev.dialtone.web;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.ser.ToXmlGenerator;

/**
 * Renders a resource's representation record as JSON (snake_case), XML (PascalCase elements under
 * {@code <TwilioResponse>}) or CSV (PascalCase header, one flat row per record). Everything
 * Dialtone writes to a client in the 2010 API's format comes through here.
 */
@Component
public class TwilioRenderer {

    private static final byte[] XML_DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8);
    private static final QName TWILIO_RESPONSE = new QName("TwilioResponse");

    /** The view CSV writes in: every property but the {@link Nested} ones. */
    private interface FlatRow {}

    private final JsonMapper json =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .build();

    private final XmlMapper xml =
            XmlMapper.builder(XmlFactory.builder().xmlOutputFactory(xmlOutput()).build())
                    .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                    .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .build();

    private final CsvMapper csv =
            CsvMapper.builder()
                    // quote only the values that need it, as RFC 4180 reads
                    .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
                    .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                    .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                    .build();

    /** Woodstox, told to write U+FFFD for the control characters XML 1.0 cannot carry. */
    private static WstxOutputFactory xmlOutput() {
        WstxOutputFactory factory = new WstxOutputFactory();
        factory.setProperty(
                WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        return factory;
    }

    public ResponseEntity<byte[]> record(
            int status, WireFormat format, String element, Object representation) {
        byte[] body =
                switch (format) {
                    case JSON -> json.writeValueAsBytes(representation);
                    case XML ->
                            xml(
                                    gen -> {
                                        gen.writeName(element);
                                        xml.writeValue(gen, representation);
                                    });
                    case CSV -> csv(representation.getClass(), new Object[] {representation});
                };
        return respond(status, format, body);
    }

    public ResponseEntity<byte[]> list(WireFormat format, String element, ListPage<?> page) {
        byte[] body =
                switch (format) {
                    case JSON -> json.writeValueAsBytes(jsonEnvelope(page));
                    case XML -> xml(gen -> xmlList(gen, element, page));
                    case CSV -> csv(page.type(), page.records().toArray());
                };
        return respond(200, format, body);
    }

    public ResponseEntity<byte[]> error(WireFormat format, TwilioException error) {
        RestException fields =
                new RestException(
                        error.code(),
                        error.getMessage(),
                        TwilioErrorCodes.moreInfo(error.code()),
                        error.status());
        WireFormat shown = format == WireFormat.XML ? WireFormat.XML : WireFormat.JSON;
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(error.status()).contentType(shown.mediaType());
        if (error.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return builder.body(record(error.status(), shown, "RestException", fields).getBody());
    }

    /**
     * The error body alone, for places outside Spring MVC (the servlet container's error pages).
     */
    public byte[] errorBody(WireFormat format, TwilioException error) {
        return error(format, error).getBody();
    }

    /** Twilio's error body; CSV requests get it as JSON. */
    private record RestException(int code, String message, String moreInfo, int status) {}

    private static ResponseEntity<byte[]> respond(int status, WireFormat format, byte[] body) {
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }

    private static Map<String, Object> jsonEnvelope(ListPage<?> page) {
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
        void write(ToXmlGenerator gen);
    }

    /** {@code <TwilioResponse>} around what {@code body} writes. */
    private byte[] xml(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        out.writeBytes(XML_DECLARATION);
        try (JsonGenerator generator = xml.createGenerator(out)) {
            ToXmlGenerator gen = (ToXmlGenerator) generator;
            gen.setNextName(TWILIO_RESPONSE);
            gen.writeStartObject();
            body.write(gen);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The records as repeated elements, the paging envelope as the list element's attributes. */
    private void xmlList(ToXmlGenerator gen, String element, ListPage<?> page) {
        gen.writeName(StringUtils.capitalize(page.key()));
        gen.writeStartObject();
        gen.setNextIsAttribute(true);
        attribute(gen, "page", page.page());
        attribute(gen, "pagesize", page.pageSize());
        attribute(gen, "start", page.start());
        attribute(gen, "end", page.end());
        attribute(gen, "uri", page.uri());
        attribute(gen, "firstpageuri", page.firstPageUri());
        attribute(gen, "previouspageuri", page.previousPageUri());
        attribute(gen, "nextpageuri", page.nextPageUri());
        gen.setNextIsAttribute(false);
        for (Object record : page.records()) {
            gen.writeName(element);
            xml.writeValue(gen, record);
        }
        gen.writeEndObject();
    }

    private static void attribute(ToXmlGenerator gen, String name, Object value) {
        gen.writeStringProperty(name, value == null ? "" : value.toString());
    }

    private byte[] csv(Class<?> type, Object[] rows) {
        CsvSchema schema =
                csv.schemaForWithView(type, FlatRow.class).withHeader().withLineSeparator("\r\n");
        ObjectWriter writer = csv.writer(schema).withView(FlatRow.class);
        return writer.writeValueAsBytes(rows);
    }
}
