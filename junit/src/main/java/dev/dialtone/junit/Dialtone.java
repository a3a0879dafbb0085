package dev.dialtone.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running Dialtone, as a test sees it: where it is and its credentials, a Twilio client pointed
 * at it, the callee's scenarios, the faults to inject, the requests it made to the app, and its
 * clock. Every method talks to Dialtone over HTTP; {@link DialtoneException} says what it refused.
 */
public final class Dialtone {

    /** The process this handle started, or null for a Dialtone running on its own. */
    private final DialtoneServer server;

    private final DialtoneSettings settings;
    private final String baseUrl;
    private final String accountSid;
    private final String authToken;
    private final ControlClient client;
    private Duration awaitTimeout = Duration.ofSeconds(10);

    Dialtone(DialtoneServer server, DialtoneSettings settings) {
        this(
                server,
                settings,
                server.baseUrl(),
                DialtoneServer.ACCOUNT_SID,
                DialtoneServer.AUTH_TOKEN);
    }

    private Dialtone(
            DialtoneServer server,
            DialtoneSettings settings,
            String baseUrl,
            String accountSid,
            String authToken) {
        this.server = server;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.client = new ControlClient(baseUrl, accountSid, authToken);
    }

    /**
     * A handle on a Dialtone that runs on its own ({@code ./mvnw spring-boot:run}, Docker, a shared
     * test server), acting as this account; {@link #reset()} puts its clock back to real time.
     */
    public static Dialtone connect(String baseUrl, String accountSid, String authToken) {
        return new Dialtone(
                null,
                DialtoneExtension.builder().settings(),
                baseUrl.replaceAll("/+$", ""),
                accountSid,
                authToken);
    }

    /** Where Dialtone listens, e.g. {@code http://127.0.0.1:49321}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The account every request of the test uses. */
    public String accountSid() {
        return accountSid;
    }

    public String authToken() {
        return authToken;
    }

    /** {@code baseUrl()/2010-04-01/Accounts/{AccountSid}}: where the account's resources are. */
    public String accountUrl() {
        return baseUrl() + "/2010-04-01/Accounts/" + accountSid();
    }

    /**
     * A twilio-java {@code TwilioRestClient} whose requests go to this Dialtone (twilio-java must
     * be on the test's classpath; the extension itself does not need it).
     */
    public com.twilio.http.TwilioRestClient twilioClient() {
        return TwilioClients.pointedAt(baseUrl(), accountSid(), authToken());
    }

    /** The callee: how calls to (or from) a number go and what the person answers. */
    public Scenario scenario() {
        return new Scenario(client);
    }

    /** A rule that makes Dialtone, or its requests to the app, misbehave. */
    public Fault fault() {
        return new Fault(client);
    }

    /**
     * The account's fault rules as Dialtone lists them ({@code sid}, {@code count} left, …), oldest
     * first.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> faults() {
        return (List<Map<String, Object>>) client.get("/dialtone/faults").get("faults");
    }

    /** Removes a fault rule before it is spent. */
    public void removeFault(String faultSid) {
        client.delete("/dialtone/faults/" + faultSid);
    }

    /**
     * Adds a phone number to the account (an {@code IncomingPhoneNumber}) whose incoming calls
     * Dialtone sends to {@code voiceUrl}, and whose calls' completed status goes to {@code
     * statusCallback} (may be null); answers its {@code PN…} SID.
     */
    public String incomingNumber(String phoneNumber, String voiceUrl, String statusCallback) {
        Form form = new Form().add("PhoneNumber", phoneNumber).add("VoiceUrl", voiceUrl);
        if (statusCallback != null) {
            form.add("StatusCallback", statusCallback);
        }
        return (String)
                client.post(
                                "/2010-04-01/Accounts/"
                                        + accountSid()
                                        + "/IncomingPhoneNumbers.json",
                                form.fields())
                        .get("sid");
    }

    /**
     * Someone calls one of the account's numbers: {@code from} rings {@code to}, and Dialtone asks
     * the number's {@code VoiceUrl} what to do. Answers the call's {@code CA…} SID.
     */
    public String incomingCall(String from, String to) {
        return (String)
                client.post(
                                "/dialtone/calls/inbound",
                                new Form().add("From", from).add("To", to).fields())
                        .get("sid");
    }

    /** The call as Twilio's API answers it ({@code sid}, {@code status}, {@code direction}…). */
    public Map<String, Object> call(String callSid) {
        return client.get("/2010-04-01/Accounts/" + accountSid() + "/Calls/" + callSid + ".json");
    }

    /** Waits, up to the handle's timeout, for what a call does next. */
    public CallAwait await(String callSid) {
        return new CallAwait(this, callSid, awaitTimeout);
    }

    /** How long {@code await} and {@code requests().await…} wait: 10 s unless set. */
    public Dialtone awaitTimeout(Duration timeout) {
        this.awaitTimeout = timeout;
        return this;
    }

    Duration awaitTimeout() {
        return awaitTimeout;
    }

    /** The requests Dialtone made to the app (TwiML fetches, fallbacks, status callbacks). */
    public Requests requests() {
        return new Requests(this, null);
    }

    List<Request> requestsOf(String callSid) {
        String path = "/dialtone/requests" + (callSid == null ? "" : "?CallSid=" + callSid);
        List<Request> requests = new ArrayList<>();
        for (Object row : (List<?>) client.get(path).get("requests")) {
            requests.add(Request.of((Map<?, ?>) row));
        }
        return requests;
    }

    /** Dialtone's clock: stop it, advance it, give it back. */
    public DialtoneClock clock() {
        return new DialtoneClock(client);
    }

    /**
     * Starts the account afresh: its calls, numbers, scenarios, faults and journal are deleted, and
     * the clock is back in the mode the settings chose (the extension does this before each test).
     */
    public void reset() {
        client.post("/dialtone/reset", List.of());
        client.post(
                "/dialtone/clock",
                new Form().add("Mode", settings.manualClock() ? "manual" : "real").fields());
    }

    DialtoneSettings settings() {
        return settings;
    }

    ControlClient client() {
        return client;
    }

    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "Dialtone at " + baseUrl();
    }
}
