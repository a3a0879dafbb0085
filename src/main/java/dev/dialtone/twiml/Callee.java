package dev.dialtone.twiml;

import java.time.Duration;

/** The person at the other end, as far as TwiML can hear them: what they answer each prompt. */
public interface Callee {

    /**
     * What the callee answers at the call's {@code index}-th {@code <Gather>} (counting from 0 over
     * the whole call).
     */
    Answer answer(int index);

    /**
     * @param digits the keys pressed, or null for none
     * @param speech the words said, or null for silence
     * @param delay how long after the prompt starts the callee answers; null for "as soon as the
     *     prompt has ended"
     */
    record Answer(String digits, String speech, Duration delay) {
        public static final Answer SILENCE = new Answer(null, null, null);
    }

    /** How long the callee speaks into a {@code <Record>} before falling silent. */
    default Duration speaking() {
        return Duration.ZERO;
    }

    /** A callee who never answers. */
    Callee SILENT = index -> Answer.SILENCE;
}
