package dev.dialtone.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where apps reach this Dialtone, for the absolute URLs it hands out (a recording's {@code
 * RecordingUrl} and {@code media_url}): {@code dialtone.public-url} when set, else {@code
 * http://localhost} and the port the server listens on.
 */
@Component
public class PublicUrl {

    private final String configured;
    private volatile int port = 8080;

    PublicUrl(@Value("${dialtone.public-url:}") String configured) {
        this.configured =
                configured.endsWith("/")
                        ? configured.substring(0, configured.length() - 1)
                        : configured;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /** The base, without a trailing slash. */
    public String base() {
        return configured.isEmpty() ? "http://localhost:" + port : configured;
    }
}
