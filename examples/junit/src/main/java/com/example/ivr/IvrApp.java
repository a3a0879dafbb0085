package com.example.ivr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small phone menu. A caller hears "press 1 for opening hours, 2 for a call back"; 1 is told the
 * hours, 2 is called back from the app's number. Twilio (or Dialtone) asks it what to do at {@code
 * /voice}, then {@code /menu}; call statuses arrive at {@code /status}.
 */
public final class IvrApp implements AutoCloseable {

    private final HttpServer server;
    private final TwilioRestClient twilio;
    private final String ownNumber;
    private final List<String> completedCalls = new CopyOnWriteArrayList<>();

    public IvrApp(TwilioRestClient twilio, String ownNumber) throws IOException {
        this.twilio = twilio;
        this.ownNumber = ownNumber;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/voice", e -> twiml(e, menu()));
        server.createContext("/menu", e -> twiml(e, choice(form(e))));
        server.createContext(
                "/callback",
                e -> twiml(e, "<Response><Say>This is your call back.</Say></Response>"));
        server.createContext("/status", this::status);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The calls whose completed status callback arrived. */
    public List<String> completedCalls() {
        return List.copyOf(completedCalls);
    }

    private String menu() {
        return "<Response><Gather numDigits=\"1\" action=\"/menu\">"
                + "<Say>Press 1 for opening hours, 2 for a call back.</Say>"
                + "</Gather><Say>Goodbye.</Say></Response>";
    }

    private String choice(Map<String, String> form) {
        switch (form.getOrDefault("Digits", "")) {
            case "1":
                return "<Response><Say>We are open nine to five.</Say><Hangup/></Response>";
            case "2":
                callBack(form.get("From"));
                return "<Response><Say>We will call you back.</Say><Hangup/></Response>";
            default:
                return "<Response><Redirect>/voice</Redirect></Response>";
        }
    }

    /**
     * Twilio answers 429 when an account places calls too fast; twilio-java's HTTP client retries
     * once, and after that the app waits and tries again itself.
     */
    private void callBack(String caller) {
        for (int attempt = 1; ; attempt++) {
            try {
                Call.creator(
                                new PhoneNumber(caller),
                                new PhoneNumber(ownNumber),
                                URI.create(url("/callback")))
                        .setStatusCallback(URI.create(url("/status")))
                        .create(twilio);
                return;
            } catch (ApiException e) {
                if (e.getStatusCode() != 429 || attempt == 5) {
                    throw e;
                }
                pause(100L * attempt);
            }
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if ("completed".equals(form.get("CallStatus"))) {
            completedCalls.add(form.get("CallSid"));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static void twiml(HttpExchange exchange, String twiml) throws IOException {
        byte[] body = twiml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
