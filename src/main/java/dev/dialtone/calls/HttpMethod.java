package dev.dialtone.calls;

/** The two methods Twilio uses for webhooks ({@code http-method} in the spec). */
public enum HttpMethod {
    GET,
    POST
}
