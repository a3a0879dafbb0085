package dev.dialtone.control;

import dev.dialtone.calls.CallStatus;
import dev.dialtone.web.TwilioErrorCodes;
import dev.dialtone.web.TwilioException;
import java.util.List;
import java.util.Map;

/** The control API's form parameters, read and checked. */
final class ControlRequests {
    private ControlRequests() {}

    enum Action {
        RING,
        ANSWER,
        HANGUP
    }

    record Advance(Action action, CallStatus status, Integer sipResponseCode) {}

    static Advance advance(Map<String, List<String>> form) {
        String action = first(form, "Action");
        Action parsed =
                switch (action == null ? "" : action) {
                    case "ring" -> Action.RING;
                    case "answer" -> Action.ANSWER;
                    case "hangup" -> Action.HANGUP;
                    default -> throw invalid("Action must be one of ring, answer, hangup");
                };
        CallStatus status = null;
        if (parsed == Action.HANGUP) {
            String text = first(form, "Status");
            status =
                    text == null
                            ? CallStatus.COMPLETED
                            : CallStatus.ofWire(text)
                                    .filter(CallStatus::isEnded)
                                    .orElseThrow(
                                            () ->
                                                    invalid(
                                                            "Status must be one of completed, busy, failed, no-answer, canceled"));
        }
        Integer sip = null;
        String sipText = first(form, "SipResponseCode");
        if (sipText != null) {
            try {
                sip = Integer.valueOf(sipText);
            } catch (NumberFormatException e) {
                throw invalid("SipResponseCode must be a number");
            }
            if (sip < 100 || sip > 699) {
                throw invalid("SipResponseCode must be between 100 and 699");
            }
        }
        return new Advance(parsed, status, sip);
    }

    /** Live input: the keys pressed, or the words said. */
    record Input(String digits, String speech) {}

    static Input input(Map<String, List<String>> form) {
        String digits = first(form, "Digits");
        String speech = first(form, "SpeechResult");
        if ((digits == null) == (speech == null)) {
            throw invalid("Give exactly one of Digits and SpeechResult");
        }
        if (digits != null && !digits.matches("[0-9*#]{1,64}")) {
            throw invalid("Digits are up to 64 of 0-9, * and #");
        }
        if (speech != null
                && (speech.length() > 500 || speech.chars().anyMatch(Character::isISOControl))) {
            throw invalid("SpeechResult is up to 500 characters of text");
        }
        return new Input(digits, speech);
    }

    static CallStatus holdStatus(Map<String, List<String>> form) {
        String text = first(form, "Status");
        return CallStatus.ofWire(text == null ? "" : text)
                .filter(s -> s == CallStatus.RINGING || s == CallStatus.IN_PROGRESS)
                .orElseThrow(() -> invalid("Status must be ringing or in-progress"));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static TwilioException invalid(String message) {
        return TwilioException.badRequest(TwilioErrorCodes.INVALID_PARAMETER, message);
    }
}
