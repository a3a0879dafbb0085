package dev.dialtone.web;

/** The two methods Twilio uses for webhooks ({@code http-method} in the spec). */
public enum WebhookMethod {
    GET,
    POST
}
