package dev.dialtone.numbers;

import dev.dialtone.web.WebhookMethod;
import java.time.Instant;

/** One of the account's phone numbers, with where its incoming calls go. */
public record IncomingNumber(
        String sid,
        String accountSid,
        String phoneNumber,
        String friendlyName,
        String voiceUrl,
        WebhookMethod voiceMethod,
        String voiceFallbackUrl,
        WebhookMethod voiceFallbackMethod,
        String statusCallback,
        WebhookMethod statusCallbackMethod,
        Instant dateCreated,
        Instant dateUpdated) {}
