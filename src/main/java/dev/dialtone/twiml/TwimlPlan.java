package dev.dialtone.twiml;

import dev.dialtone.web.WebhookMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a TwiML document does to a call: it runs for {@code elapsed}, then ends as {@code ending}
 * says; a {@link Ending#REDIRECT} goes on with the document at {@code redirectUrl}, requested with
 * the voice parameters and {@code parameters} (a {@code <Gather>}'s Digits, say).
 *
 * @param notes what Dialtone did not simulate, for the log
 * @param gathers how many of the callee's answers the document used (a Gather the call will listen
 *     at counts when it starts listening)
 * @param position for {@link Ending#DIAL}, {@link Ending#GATHER} and {@link Ending#RECORD}, the
 *     verb's index among the document's verbs
 * @param waiting for {@link Ending#GATHER} and {@link Ending#RECORD}, how long the call listens
 * @param steps each verb the document starts, in order, for the call's timeline
 */
public record TwimlPlan(
        Duration elapsed,
        Ending ending,
        String redirectUrl,
        WebhookMethod redirectMethod,
        List<String> notes,
        List<Map.Entry<String, String>> parameters,
        int gathers,
        int position,
        Duration waiting,
        List<Step> steps) {

    /** Twilio's warning for an unknown verb, noun or attribute (schema validation). */
    public static final int WARNING_UNKNOWN_VERB = 12200;

    /**
     * The Twilio warning code a note starts with ({@code "12200: …"}, {@code "13320: …"}), or 0 for
     * a note that is only for the log.
     */
    public static int warningCode(String note) {
        return note.length() > 6
                        && note.substring(0, 5).chars().allMatch(Character::isDigit)
                        && note.startsWith(": ", 5)
                ? Integer.parseInt(note.substring(0, 5))
                : 0;
    }

    /**
     * A verb the call starts, {@code at} after the document does (unscaled, like every time of a
     * plan).
     *
     * @param digits for a {@code <Play digits>}, the tones it sends; else null
     */
    public record Step(Duration at, int position, String verb, String detail, String digits) {}

    public TwimlPlan(
            Duration elapsed,
            Ending ending,
            String redirectUrl,
            WebhookMethod redirectMethod,
            List<String> notes,
            List<Map.Entry<String, String>> parameters,
            int gathers,
            int position,
            Duration waiting) {
        this(
                elapsed,
                ending,
                redirectUrl,
                redirectMethod,
                notes,
                parameters,
                gathers,
                position,
                waiting,
                List.of());
    }

    /** The same plan, with the verbs it starts. */
    TwimlPlan withSteps(List<Step> started) {
        return new TwimlPlan(
                elapsed,
                ending,
                redirectUrl,
                redirectMethod,
                notes,
                parameters,
                gathers,
                position,
                waiting,
                List.copyOf(started));
    }

    public TwimlPlan(
            Duration elapsed,
            Ending ending,
            String redirectUrl,
            WebhookMethod redirectMethod,
            List<String> notes,
            List<Map.Entry<String, String>> parameters,
            int gathers) {
        this(elapsed, ending, redirectUrl, redirectMethod, notes, parameters, gathers, -1, null);
    }

    /** The document reaches the {@code <Dial>} at {@code position}: the call dials there. */
    static TwimlPlan dial(Duration elapsed, int position, List<String> notes, int gathers) {
        return new TwimlPlan(
                elapsed, Ending.DIAL, null, null, notes, List.of(), gathers, position, null);
    }

    /** The document reaches the {@code <Record>} at {@code position}. */
    static TwimlPlan record(
            Duration elapsed,
            int position,
            Recorded recorded,
            String action,
            WebhookMethod method,
            List<String> notes,
            int gathers) {
        return new TwimlPlan(
                elapsed,
                Ending.RECORD,
                action,
                method,
                notes,
                recorded.parameters(),
                gathers,
                position,
                recorded.lasts());
    }

    /**
     * The document reaches a {@code <Gather>} (at {@code position}) that hears nothing from the
     * script: the call listens there for {@code waiting} (its prompts and timeout), so input can
     * still come live.
     */
    static TwimlPlan listen(
            Duration elapsed, int position, Duration waiting, List<String> notes, int gathers) {
        return new TwimlPlan(
                elapsed, Ending.GATHER, null, null, notes, List.of(), gathers, position, waiting);
    }

    public TwimlPlan(
            Duration elapsed,
            Ending ending,
            String redirectUrl,
            WebhookMethod redirectMethod,
            List<String> notes) {
        this(elapsed, ending, redirectUrl, redirectMethod, notes, List.of(), 0);
    }

    public enum Ending {
        /** {@code <Hangup>}: the call completes. */
        HANG_UP,
        /**
         * The document ran out of verbs: the call completes, or a leg that ran its whisper is
         * bridged.
         */
        DONE,
        /** {@code <Reject reason="busy">}. */
        REJECT_BUSY,
        /** {@code <Reject>} (reason rejected): the callee never took the call. */
        REJECT_NO_ANSWER,
        /** {@code <Redirect>}, or a {@code <Gather>}'s action: fetch the next document. */
        REDIRECT,
        /** {@code <Dial>} at {@code position}: ring its legs, then go on as the dial ends. */
        DIAL,
        /**
         * {@code <Gather>} at {@code position} heard nothing scripted: listen for {@code waiting}.
         */
        GATHER,
        /**
         * {@code <Record>} at {@code position}: record for {@code waiting}, then request the action
         * with {@code parameters} and the recording's sid and URL.
         */
        RECORD
    }
}
