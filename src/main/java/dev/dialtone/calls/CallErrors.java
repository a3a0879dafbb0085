package dev.dialtone.calls;

import dev.dialtone.web.ErrorTranslation;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A call's state errors as Twilio answers them. */
@Component
class CallErrors implements ErrorTranslation {

    @Override
    public Optional<TwilioException> translate(Throwable error) {
        if (!(error instanceof CallStateException refused)) {
            return Optional.empty();
        }
        return Optional.of(
                switch (refused.kind()) {
                    case NOT_IN_PROGRESS ->
                            TwilioException.badRequest(
                                    TwilioErrorCodes.CALL_NOT_IN_PROGRESS,
                                    "Call is not in-progress. Cannot redirect.");
                    case DELETE_WHILE_LIVE ->
                            TwilioException.badRequest(
                                    TwilioErrorCodes.DELETE_BEFORE_COMPLETE,
                                    "Cannot delete this resource before it is complete");
                    case TRANSITION_REFUSED ->
                            TwilioException.badRequest(
                                    TwilioErrorCodes.CALL_NOT_IN_PROGRESS, refused.getMessage());
                });
    }
}
