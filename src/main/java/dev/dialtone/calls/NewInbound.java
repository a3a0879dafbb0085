package dev.dialtone.calls;

import dev.dialtone.web.WebhookMethod;

/** A call to one of the account's numbers: who calls, and where the number sends its calls. */
public record NewInbound(
        String from,
        String to,
        String phoneNumberSid,
        String callerName,
        String forwardedFrom,
        String voiceUrl,
        WebhookMethod voiceMethod,
        String voiceFallbackUrl,
        WebhookMethod voiceFallbackMethod,
        String statusCallback,
        WebhookMethod statusCallbackMethod) {}
