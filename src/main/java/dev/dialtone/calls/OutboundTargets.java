package dev.dialtone.calls;

import static dev.dialtone.web.TwilioErrorCodes.RECORDING_STATUS_CALLBACK_INVALID;
import static dev.dialtone.web.TwilioErrorCodes.STATUS_CALLBACK_INVALID;
import static dev.dialtone.web.TwilioErrorCodes.URL_INVALID;

import dev.dialtone.support.OutboundPolicy;
import dev.dialtone.web.TwilioException;
import org.springframework.stereotype.Component;

/** A create or update may name only URLs that {@code dialtone.outbound} lets Dialtone reach. */
@Component
class OutboundTargets {

    private final OutboundPolicy policy;

    OutboundTargets(OutboundPolicy policy) {
        this.policy = policy;
    }

    void check(NewCall call) {
        check("Url", call.url(), URL_INVALID);
        check("FallbackUrl", call.fallbackUrl(), URL_INVALID);
        check("StatusCallback", call.statusCallback(), STATUS_CALLBACK_INVALID);
        check(
                "RecordingStatusCallback",
                call.recordingStatusCallback(),
                RECORDING_STATUS_CALLBACK_INVALID);
        check("AsyncAmdStatusCallback", call.asyncAmdStatusCallback(), URL_INVALID);
        check("ClientNotificationUrl", call.clientNotificationUrl(), URL_INVALID);
    }

    void check(CallUpdate update) {
        check("Url", update.url(), URL_INVALID);
        check("FallbackUrl", update.fallbackUrl(), URL_INVALID);
        check("StatusCallback", update.statusCallback(), STATUS_CALLBACK_INVALID);
    }

    private void check(String name, String url, int code) {
        if (url != null) {
            policy.refusalByName(url)
                    .ifPresent(
                            why -> {
                                throw TwilioException.badRequest(
                                        code, name + " is not a target Dialtone may reach: " + why);
                            });
        }
    }
}
