package dev.dialtone.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dialtone.web.Rfc2822;
import dev.dialtone.web.TwilioErrorCodes;

/**
 * A notification as Twilio lists it (the spec's {@code api.v2010.account.notification} and {@code
 * …call.call_notification}, in schema order); fetched alone it adds what was requested and answered
 * ({@code -instance}), which lists leave out.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record NotificationRepresentation(
        String accountSid,
        String apiVersion,
        String callSid,
        String dateCreated,
        String dateUpdated,
        String errorCode,
        String log,
        String messageDate,
        String messageText,
        String moreInfo,
        String requestMethod,
        String requestUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String requestVariables,
        @JsonInclude(JsonInclude.Include.NON_NULL) String responseBody,
        @JsonInclude(JsonInclude.Include.NON_NULL) String responseHeaders,
        String sid,
        String uri) {

    static NotificationRepresentation listed(CallNotifications.Stored n, String path) {
        return of(n, path, false);
    }

    static NotificationRepresentation fetched(CallNotifications.Stored n, String path) {
        return of(n, path, true);
    }

    private static NotificationRepresentation of(
            CallNotifications.Stored n, String path, boolean whole) {
        String date = Rfc2822.format(n.dateCreated());
        return new NotificationRepresentation(
                n.accountSid(),
                "2010-04-01",
                n.callSid(),
                date,
                date,
                Integer.toString(n.errorCode()),
                Integer.toString(n.log()),
                date,
                n.messageText(),
                TwilioErrorCodes.moreInfo(n.errorCode()),
                n.requestMethod(),
                n.requestUrl(),
                whole ? orEmpty(n.requestVariables()) : null,
                whole ? orEmpty(n.responseBody()) : null,
                whole ? orEmpty(n.responseHeaders()) : null,
                n.sid(),
                path + "/" + n.sid() + ".json");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
