package dev.dialtone.junit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Dialtone's HTTP API as the handle uses it: JSON answers read into maps, errors thrown. */
final class ControlClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    ControlClient(String baseUrl, String accountSid, String authToken) {
        this.baseUrl = baseUrl;
        this.authorization =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (accountSid + ":" + authToken)
                                                .getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> get(String path) {
        return send("GET", path, List.of());
    }

    Map<String, Object> post(String path, List<Map.Entry<String, String>> form) {
        return send("POST", path, form);
    }

    void delete(String path) {
        send("DELETE", path, List.of());
    }

    private Map<String, Object> send(
            String method, String path, List<Map.Entry<String, String>> form) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> field : form) {
            pairs.add(encode(field.getKey()) + "=" + encode(field.getValue()));
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json");
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response =
                    http.send(
                            request.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DialtoneException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DialtoneException(method + " " + path + " was interrupted", e);
        }
        String body = response.body();
        if (response.statusCode() >= 300) {
            throw DialtoneException.answered(method, path, response.statusCode(), body);
        }
        return body.isBlank() ? Map.of() : Json.object(body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
