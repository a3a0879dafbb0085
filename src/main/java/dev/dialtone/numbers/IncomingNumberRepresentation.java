package dev.dialtone.numbers;

import dev.dialtone.web.Rfc2822;

/**
 * A number as the spec's {@code api.v2010.account.incoming_phone_number} shows it, in schema order:
 * voice as Dialtone serves it, messaging and the rest as a new Twilio number has them.
 */
record IncomingNumberRepresentation(
        String accountSid,
        String addressSid,
        String addressRequirements,
        String apiVersion,
        Boolean beta,
        Capabilities capabilities,
        String dateCreated,
        String dateUpdated,
        String friendlyName,
        String identitySid,
        String phoneNumber,
        String origin,
        String sid,
        String smsApplicationSid,
        String smsFallbackMethod,
        String smsFallbackUrl,
        String smsMethod,
        String smsUrl,
        String statusCallback,
        String statusCallbackMethod,
        String trunkSid,
        String uri,
        String voiceReceiveMode,
        String voiceApplicationSid,
        Boolean voiceCallerIdLookup,
        String voiceFallbackMethod,
        String voiceFallbackUrl,
        String voiceMethod,
        String voiceUrl,
        String emergencyStatus,
        String emergencyAddressSid,
        String emergencyAddressStatus,
        String bundleSid,
        String status,
        String type) {

    record Capabilities(boolean mms, boolean sms, boolean voice, boolean fax) {}

    static IncomingNumberRepresentation of(IncomingNumber n) {
        return new IncomingNumberRepresentation(
                n.accountSid(),
                null,
                "none",
                "2010-04-01",
                false,
                new Capabilities(true, true, true, false),
                Rfc2822.format(n.dateCreated()),
                Rfc2822.format(n.dateUpdated()),
                n.friendlyName(),
                null,
                n.phoneNumber(),
                "twilio",
                n.sid(),
                null,
                "POST",
                null,
                "POST",
                null,
                n.statusCallback(),
                n.statusCallbackMethod().name(),
                null,
                "/2010-04-01/Accounts/"
                        + n.accountSid()
                        + "/IncomingPhoneNumbers/"
                        + n.sid()
                        + ".json",
                "voice",
                null,
                false,
                n.voiceFallbackMethod().name(),
                n.voiceFallbackUrl(),
                n.voiceMethod().name(),
                n.voiceUrl(),
                "Inactive",
                null,
                "unregistered",
                null,
                "in-use",
                "local");
    }
}
