package dev.dialtone.twiml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads a TwiML document into its verbs; anything that is not a {@code <Response>} is unusable. */
public final class TwimlParser {
    private TwimlParser() {}

    /** Thrown for a document Twilio could not run: error 12100, or the code given. */
    public static final class UnparseableTwiml extends Exception {
        private final int errorCode;

        UnparseableTwiml(String message) {
            this(12100, message);
        }

        UnparseableTwiml(int errorCode, String message) {
            super(message, null, false, false);
            this.errorCode = errorCode;
        }

        public int errorCode() {
            return errorCode;
        }
    }

    static final int MAX_DEPTH = 32;

    /** Finding a parser scans the classpath, so each thread keeps the one it made. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS =
            ThreadLocal.withInitial(TwimlParser::newBuilder);

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Documents come from anywhere: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            // TwiML nests two or three deep; a document thousands deep would exhaust the stack.
            factory.setAttribute(
                    "http://www.oracle.com/xml/jaxp/properties/maxElementDepth",
                    String.valueOf(MAX_DEPTH));
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "The JDK's XML parser cannot be configured securely", e);
        }
    }

    public static List<Verb> parse(String document) throws UnparseableTwiml {
        Element root;
        DocumentBuilder builder = BUILDERS.get();
        try {
            builder.reset();
            builder.setErrorHandler(null);
            root =
                    builder.parse(
                                    new ByteArrayInputStream(
                                            document.trim().getBytes(StandardCharsets.UTF_8)))
                            .getDocumentElement();
        } catch (Exception | StackOverflowError e) {
            throw new UnparseableTwiml("Document parse failure: " + e.getMessage());
        }
        if (!"Response".equals(root.getTagName())) {
            throw new UnparseableTwiml(
                    "The root element must be Response, was " + root.getTagName());
        }
        return children(root);
    }

    private static List<Verb> children(Element parent) {
        List<Verb> verbs = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                Map<String, String> attributes = new LinkedHashMap<>();
                NamedNodeMap map = element.getAttributes();
                for (int a = 0; a < map.getLength(); a++) {
                    Node attribute = map.item(a);
                    attributes.put(attribute.getNodeName(), attribute.getNodeValue());
                }
                verbs.add(
                        new Verb(
                                element.getTagName(),
                                attributes,
                                element.getTextContent().trim(),
                                children(element)));
            }
        }
        return verbs;
    }
}
