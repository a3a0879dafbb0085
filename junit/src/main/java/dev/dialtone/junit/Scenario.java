package dev.dialtone.junit;

import java.time.Duration;

/**
 * A callee rule: calls to {@link #to} (and/or from {@link #from}) go as it says, and the person
 * answers each {@code <Gather>} in turn. {@link #create()} adds it; the account's rules are tried
 * newest first.
 *
 * <pre>{@code
 * dialtone.scenario().from("+14155550100").digits("1", "4242#").inputDelay(Duration.ofMillis(500)).create();
 * }</pre>
 */
public final class Scenario {

    private final ControlClient client;
    private final Form form = new Form();

    Scenario(ControlClient client) {
        this.client = client;
    }

    /** The called number (E.164, {@code client:…} or {@code sip:…}). */
    public Scenario to(String number) {
        form.add("To", number);
        return this;
    }

    /** Called numbers matching a regular expression. */
    public Scenario toPattern(String regex) {
        form.add("ToPattern", regex);
        return this;
    }

    /** The calling number; for incoming calls, the person who calls. */
    public Scenario from(String number) {
        form.add("From", number);
        return this;
    }

    public Scenario fromPattern(String regex) {
        form.add("FromPattern", regex);
        return this;
    }

    /** {@code completed} (the default), {@code busy}, {@code no-answer} or {@code failed}. */
    public Scenario outcome(String outcome) {
        form.add("Outcome", outcome);
        return this;
    }

    public Scenario sipResponseCode(int code) {
        form.add("SipResponseCode", code);
        return this;
    }

    /** The keys pressed at the call's 1st, 2nd, … {@code <Gather>}; "" is silence. */
    public Scenario digits(String... eachGather) {
        for (String digits : eachGather) {
            form.add("Digits", digits);
        }
        return this;
    }

    /** What the person says at each {@code <Gather input="speech">}. */
    public Scenario speech(String... eachGather) {
        for (String words : eachGather) {
            form.add("Speech", words);
        }
        return this;
    }

    /** How long after a Gather's prompt starts the person answers (else: once it is heard out). */
    public Scenario inputDelay(Duration delay) {
        form.add("InputDelay", Form.duration(delay));
        return this;
    }

    public Scenario ringTime(Duration ringTime) {
        form.add("RingTime", Form.duration(ringTime));
        return this;
    }

    /** How long until the callee hangs up, unless the TwiML ends the call first. */
    public Scenario talkTime(Duration talkTime) {
        form.add("TalkTime", Form.duration(talkTime));
        return this;
    }

    /** What answering-machine detection finds: {@code human}, {@code machine_start}… */
    public Scenario answeredBy(String answeredBy) {
        form.add("AnsweredBy", answeredBy);
        return this;
    }

    public Scenario recordTime(Duration recordTime) {
        form.add("RecordTime", Form.duration(recordTime));
        return this;
    }

    /** Adds the rule; answers its {@code DS…} SID. */
    public String create() {
        return (String) client.post("/dialtone/scenarios", form.fields()).get("sid");
    }
}
