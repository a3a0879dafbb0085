package dev.dialtone.twiml;

import dev.dialtone.web.WebhookMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code <Dial>} asks for (twiml-behavior.md §4): the legs to ring at once, how long they
 * may ring and talk, and where to go when the dial is over.
 *
 * @param timeoutSeconds how long each leg rings before it counts as unanswered
 * @param timeLimitSeconds the longest the bridged call may last
 * @param callerId the From of the legs, or null for the calling leg's own
 * @param action where to go when the dial ends, or null to go on with the next verb
 * @param record what it records: {@code NONE}, or from the answer or the ringing, in one channel or
 *     two
 * @param recordingCallback where the recording's status goes, or null
 * @param hangupOnStar whether the caller's {@code *} drops the called party and goes on
 */
public record Dialing(
        List<Leg> legs,
        int timeoutSeconds,
        int timeLimitSeconds,
        String callerId,
        String action,
        WebhookMethod method,
        Record record,
        RecordingCallback recordingCallback,
        boolean hangupOnStar,
        List<String> notes) {

    /** The Dial's {@code record} attribute. */
    public enum Record {
        NONE(false, 0),
        FROM_ANSWER(false, 1),
        FROM_ANSWER_DUAL(false, 2),
        FROM_RINGING(true, 1),
        FROM_RINGING_DUAL(true, 2);

        private final boolean fromRinging;
        private final int channels;

        Record(boolean fromRinging, int channels) {
            this.fromRinging = fromRinging;
            this.channels = channels;
        }

        public boolean fromRinging() {
            return fromRinging;
        }

        public int channels() {
            return channels;
        }

        static Record of(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "record-from-answer" -> FROM_ANSWER;
                case "record-from-answer-dual" -> FROM_ANSWER_DUAL;
                case "record-from-ringing" -> FROM_RINGING;
                case "record-from-ringing-dual" -> FROM_RINGING_DUAL;
                default -> NONE;
            };
        }
    }

    /**
     * One leg: a {@code <Number>}, {@code <Client>}, {@code <Sip>} or the Dial's bare text.
     *
     * @param url the whisper the leg runs once it answers, before it is bridged; or null
     * @param statusCallbackEvents as the noun's {@code statusCallbackEvent} lists them
     */
    public record Leg(
            String to,
            String url,
            WebhookMethod method,
            String statusCallback,
            WebhookMethod statusCallbackMethod,
            List<String> statusCallbackEvents) {}

    /** The Dial verb at {@code position} of the document. */
    public static Dialing of(List<Verb> verbs, int position, String documentUrl)
            throws TwimlParser.UnparseableTwiml {
        Verb dial = verbs.get(position);
        List<String> notes = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        if (dial.children().isEmpty() && !dial.text().isBlank()) {
            legs.add(
                    new Leg(
                            dial.text().trim(),
                            null,
                            WebhookMethod.POST,
                            null,
                            WebhookMethod.POST,
                            List.of()));
        }
        for (Verb noun : dial.children()) {
            String target =
                    switch (noun.name()) {
                        case "Number", "Sip" -> noun.text().trim();
                        case "Client" -> "client:" + clientName(noun);
                        default -> null;
                    };
            if (target == null) {
                notes.add("<Dial><" + noun.name() + "> is not simulated; skipped");
                continue;
            }
            String events = noun.attribute("statusCallbackEvent", "completed");
            String whisper = noun.attribute("url", "");
            legs.add(
                    new Leg(
                            target,
                            whisper.isEmpty()
                                    ? null
                                    : TwimlInterpreter.resolve(documentUrl, whisper, "url"),
                            TwimlInterpreter.method(noun, "method"),
                            noun.attributes().get("statusCallback") == null
                                    ? null
                                    : TwimlInterpreter.resolve(
                                            documentUrl,
                                            noun.attributes().get("statusCallback"),
                                            "statusCallback"),
                            TwimlInterpreter.method(noun, "statusCallbackMethod"),
                            List.of(events.toLowerCase(Locale.ROOT).split("[\\s,]+"))));
        }
        String action = dial.attribute("action", "");
        return new Dialing(
                legs,
                bounded(dial.attribute("timeout", "30"), 30, 1, 600),
                bounded(dial.attribute("timeLimit", "14400"), 14400, 1, 14400),
                dial.attributes().get("callerId"),
                action.isEmpty()
                        ? null
                        : TwimlInterpreter.resolve(documentUrl, action, "Dial action"),
                TwimlInterpreter.method(dial, "method"),
                Record.of(dial.attribute("record", "do-not-record")),
                RecordingCallback.of(verbs, position, documentUrl),
                "true".equalsIgnoreCase(dial.attribute("hangupOnStar", "false").trim()),
                notes);
    }

    /** {@code <Client>alice</Client>}, or its {@code <Identity>} child. */
    private static String clientName(Verb client) {
        for (Verb child : client.children()) {
            if (child.name().equals("Identity")) {
                return child.text().trim();
            }
        }
        return client.text().trim();
    }

    private static int bounded(String value, int fallback, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            return n < min ? fallback : Math.min(n, max);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
