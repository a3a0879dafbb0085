package dev.dialtone.junit;

import java.time.Duration;

/**
 * A fault rule. Inbound (the default), it makes Dialtone answer the app's requests with an error or
 * late; outbound, it makes Dialtone's own requests to the app fail. {@link #create()} adds it.
 *
 * <pre>
 * dialtone.fault().method("POST").path("/2010-04-01/Accounts/&#42;/Calls.json").status(429).count(1).create();
 * dialtone.fault().outbound().path("http://127.0.0.1:8081/&#42;").error("refused").create();
 * </pre>
 */
public final class Fault {

    private final ControlClient client;
    private final Form form = new Form();

    Fault(ControlClient client) {
        this.client = client;
    }

    /** Dialtone's requests to the app fail (their URL matches {@link #path}). */
    public Fault outbound() {
        form.add("Direction", "outbound");
        return this;
    }

    /** The HTTP method; any when left out. */
    public Fault method(String method) {
        form.add("Method", method);
        return this;
    }

    /** The path (inbound) or URL (outbound); {@code *} matches any run of characters. */
    public Fault path(String path) {
        form.add("Path", path);
        return this;
    }

    /** Inbound: 429, 500 or 503, answered with Twilio's error body; outbound: the app's status. */
    public Fault status(int status) {
        form.add("Status", status);
        return this;
    }

    /** Outbound: {@code refused} or {@code timeout}. */
    public Fault error(String error) {
        form.add("Error", error);
        return this;
    }

    /** Delays the answer (or the request) this long. */
    public Fault latency(Duration latency) {
        form.add("Latency", Form.duration(latency));
        return this;
    }

    /** The next {@code count} matching requests, then the rule is spent. */
    public Fault count(int count) {
        form.add("Count", count);
        return this;
    }

    /** A share of the matching requests, 0 to 100. */
    public Fault percent(int percent) {
        form.add("Percent", percent);
        return this;
    }

    /** Adds the rule; answers its {@code DF…} SID. */
    public String create() {
        return (String) client.post("/dialtone/faults", form.fields()).get("sid");
    }
}
