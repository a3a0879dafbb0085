package dev.dialtone.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inspector page at {@code /} and its two assets. They hold no data and need no credentials;
 * everything they show they read through the API with the credentials the page asks for. Served
 * with their types set, whatever the request accepts.
 */
@RestController
class InspectorPage {

    private static final Map<String, MediaType> FILES =
            Map.of(
                    "index.html", MediaType.parseMediaType("text/html;charset=UTF-8"),
                    "inspector.css", MediaType.parseMediaType("text/css;charset=UTF-8"),
                    "inspector.js", MediaType.parseMediaType("text/javascript;charset=UTF-8"));

    @GetMapping({"/", "/index.html"})
    ResponseEntity<byte[]> page() {
        return file("index.html");
    }

    @GetMapping("/inspector/inspector.css")
    ResponseEntity<byte[]> styles() {
        return file("inspector.css");
    }

    @GetMapping("/inspector/inspector.js")
    ResponseEntity<byte[]> script() {
        return file("inspector.js");
    }

    private static ResponseEntity<byte[]> file(String name) {
        try (InputStream in = InspectorPage.class.getResourceAsStream("/inspector/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no inspector/" + name);
            }
            return ResponseEntity.ok()
                    .contentType(FILES.get(name))
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
