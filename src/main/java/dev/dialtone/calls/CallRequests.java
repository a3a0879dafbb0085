package dev.dialtone.calls;

import static dev.dialtone.web.TwilioErrorCodes.*;

import dev.dialtone.web.FormParameters;
import dev.dialtone.web.TwilioException;
import dev.dialtone.web.WebhookMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the form parameters of create and update into validated requests, in Twilio's order of
 * checks.
 */
final class CallRequests {

    static final Set<String> STATUS_CALLBACK_EVENTS =
            orderedSet("initiated", "ringing", "answered", "completed");
    private static final Set<String> RECORDING_EVENTS =
            orderedSet("in-progress", "completed", "absent");
    private static final Set<String> MACHINE_DETECTION = orderedSet("Enable", "DetectMessageEnd");
    private static final Set<String> RECORDING_CHANNELS = orderedSet("mono", "dual");
    private static final Set<String> RECORDING_TRACKS = orderedSet("inbound", "outbound", "both");
    private static final Set<String> TRIM = orderedSet("trim-silence", "do-not-trim");
    private static final Set<String> TRUE_FALSE = orderedSet("true", "false");
    private static final Set<String> UPDATE_STATUSES = orderedSet("canceled", "completed");
    private static final Pattern SEND_DIGITS = Pattern.compile("[0-9A-D#*wW]{1,32}");
    static final int DEFAULT_TIMEOUT = 60;
    private static final int MAX_TWIML_LENGTH = 4000;

    private CallRequests() {}

    static NewCall create(Map<String, List<String>> form) {
        FormParameters p = new FormParameters(form);
        String to = p.text("To");
        if (to == null) {
            throw TwilioException.badRequest(TO_MISSING, "No 'To' number is specified");
        }
        String url = p.text("Url");
        String twiml = p.text("Twiml");
        String applicationSid = p.text("ApplicationSid");
        if (url == null && twiml == null && applicationSid == null) {
            throw TwilioException.badRequest(URL_INVALID, "Url parameter is required.");
        }
        String from = p.text("From");
        if (from == null) {
            throw TwilioException.badRequest(FROM_MISSING, "No 'From' number is specified");
        }
        if (!Endpoints.isValid(to)) {
            throw TwilioException.badRequest(
                    TO_INVALID,
                    "The phone number you are attempting to call, " + to + ", is not valid.");
        }
        // A phone number is called from a phone number (Twilio's or a verified one).
        if (!Endpoints.isValid(from)
                || (Endpoints.isPhoneNumber(to) && !Endpoints.isPhoneNumber(from))) {
            throw TwilioException.badRequest(
                    FROM_INVALID, "From is not a valid phone number: " + from);
        }
        TestNumbers.check(to, from);

        url = p.url("Url", URL_INVALID);
        applicationSid = p.sid("ApplicationSid", "AP", APPLICATION_SID_INVALID);
        if (applicationSid != null) {
            // Dialtone keeps no TwiML Applications, so no ApplicationSid names one.
            throw TwilioException.badRequest(
                    APPLICATION_SID_INVALID,
                    "ApplicationSid "
                            + applicationSid
                            + " is not a TwiML Application of this account; Dialtone has none,"
                            + " give Url or Twiml instead");
        }
        if (twiml != null && twiml.length() > MAX_TWIML_LENGTH) {
            throw FormParameters.invalid(
                    "Twiml",
                    "Twiml must be at most "
                            + MAX_TWIML_LENGTH
                            + " characters long, was "
                            + twiml.length());
        }
        String callerId = p.text("CallerId");
        if (callerId != null && !Endpoints.isValid(callerId)) {
            throw FormParameters.invalid(
                    "CallerId",
                    "CallerId is not a valid phone number, SIP address or client identifier: "
                            + callerId);
        }
        String sendDigits = p.text("SendDigits");
        if (sendDigits != null && !SEND_DIGITS.matcher(sendDigits).matches()) {
            throw TwilioException.badRequest(
                    SEND_DIGITS_INVALID,
                    "SendDigits may only contain up to 32 of the characters 0-9, A-D, #, *, w and W: "
                            + sendDigits);
        }
        Integer timeout = p.integer("Timeout", TIMEOUT_INVALID, 1, 600);
        String sipUser = p.text("SipAuthUsername");
        String sipPassword = p.text("SipAuthPassword");
        if (sipUser != null && sipUser.length() > 255) {
            throw TwilioException.badRequest(
                    SIP_AUTH_USERNAME_TOO_LONG,
                    "SipAuthUsername must be fewer than 256 characters");
        }
        if (sipPassword != null && sipPassword.length() > 255) {
            throw TwilioException.badRequest(
                    SIP_AUTH_PASSWORD_TOO_LONG,
                    "SipAuthPassword must be fewer than 256 characters");
        }
        if (sipUser != null && sipPassword == null) {
            throw TwilioException.badRequest(
                    SIP_AUTH_PASSWORD_REQUIRED,
                    "SipAuthPassword is required when providing SipAuthUsername");
        }
        // With an ApplicationSid the application's own URLs and callbacks apply,
        // so these are ignored.
        boolean own = applicationSid == null;
        WebhookMethod method = p.method("Method", WebhookMethod.POST);
        String fallbackUrl = p.url("FallbackUrl", URL_INVALID);
        WebhookMethod fallbackMethod = p.method("FallbackMethod", WebhookMethod.POST);
        String statusCallback = p.url("StatusCallback", STATUS_CALLBACK_INVALID);
        WebhookMethod statusCallbackMethod = p.method("StatusCallbackMethod", WebhookMethod.POST);
        List<String> events =
                p.words(
                        "StatusCallbackEvent",
                        STATUS_CALLBACK_EVENT_INVALID,
                        STATUS_CALLBACK_EVENTS);

        return new NewCall(
                to,
                from,
                url,
                own ? method : WebhookMethod.POST,
                url == null ? twiml : null,
                applicationSid,
                own ? fallbackUrl : null,
                own ? fallbackMethod : WebhookMethod.POST,
                own ? statusCallback : null,
                own ? statusCallbackMethod : WebhookMethod.POST,
                own && !events.isEmpty() ? events : List.of("completed"),
                sendDigits,
                timeout == null ? DEFAULT_TIMEOUT : timeout,
                p.integer("TimeLimit", INVALID_PARAMETER, 1, 86_400),
                Boolean.TRUE.equals(p.bool("Record")),
                p.choice("RecordingChannels", INVALID_PARAMETER, RECORDING_CHANNELS),
                p.url("RecordingStatusCallback", RECORDING_STATUS_CALLBACK_INVALID),
                p.method("RecordingStatusCallbackMethod", WebhookMethod.POST),
                p.words(
                        "RecordingStatusCallbackEvent",
                        RECORDING_STATUS_CALLBACK_EVENT_INVALID,
                        RECORDING_EVENTS),
                p.choice("RecordingTrack", INVALID_PARAMETER, RECORDING_TRACKS),
                p.choice("Trim", INVALID_PARAMETER, TRIM),
                sipUser,
                sipPassword,
                // SendDigits switches answering-machine detection off, as the spec says.
                sendDigits == null
                        ? p.choice("MachineDetection", MACHINE_DETECTION_INVALID, MACHINE_DETECTION)
                        : null,
                p.integer("MachineDetectionTimeout", MACHINE_DETECTION_INVALID, 3, 59),
                p.integer("MachineDetectionSpeechThreshold", MACHINE_DETECTION_INVALID, 1000, 6000),
                p.integer(
                        "MachineDetectionSpeechEndThreshold", MACHINE_DETECTION_INVALID, 500, 5000),
                p.integer("MachineDetectionSilenceTimeout", MACHINE_DETECTION_INVALID, 2000, 10000),
                "true".equals(p.choice("AsyncAmd", INVALID_PARAMETER, TRUE_FALSE))
                        ? Boolean.TRUE
                        : null,
                p.url("AsyncAmdStatusCallback", URL_INVALID),
                p.method("AsyncAmdStatusCallbackMethod", WebhookMethod.POST),
                p.sid("Byoc", "BY", BYOC_INVALID),
                p.shortText("CallReason"),
                p.text("CallToken") == null ? null : limited(p, "CallToken", 4000),
                callerId,
                p.url("ClientNotificationUrl", URL_INVALID));
    }

    static CallUpdate update(Map<String, List<String>> form) {
        FormParameters p = new FormParameters(form);
        String url = p.url("Url", URL_INVALID);
        String twiml = p.text("Twiml");
        if (url != null && twiml != null) {
            throw FormParameters.invalid(
                    "Twiml", "Url and Twiml are mutually exclusive; send one of them");
        }
        if (twiml != null && twiml.length() > MAX_TWIML_LENGTH) {
            throw FormParameters.invalid(
                    "Twiml",
                    "Twiml must be at most "
                            + MAX_TWIML_LENGTH
                            + " characters long, was "
                            + twiml.length());
        }
        String status = p.choice("Status", INVALID_PARAMETER, UPDATE_STATUSES);
        String statusCallback = p.url("StatusCallback", STATUS_CALLBACK_INVALID);
        if (statusCallback != null && url == null) {
            throw TwilioException.badRequest(
                    URL_INVALID, "Url parameter is required when updating StatusCallback.");
        }
        return new CallUpdate(
                url,
                p.method("Method", null),
                twiml,
                status == null ? null : CallStatus.ofWire(status).orElseThrow(),
                p.url("FallbackUrl", URL_INVALID),
                p.method("FallbackMethod", null),
                statusCallback,
                p.method("StatusCallbackMethod", null),
                p.integer("TimeLimit", INVALID_PARAMETER, 1, 86_400));
    }

    private static String limited(FormParameters p, String name, int max) {
        String value = p.text(name);
        if (value.length() > max) {
            throw FormParameters.invalid(
                    name, name + " must be at most " + max + " characters long");
        }
        return value;
    }

    private static Set<String> orderedSet(String... words) {
        return new java.util.LinkedHashSet<>(List.of(words));
    }
}
