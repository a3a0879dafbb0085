package dev.dialtone.web;

/** Twilio's error codes, as listed in its public error dictionary. */
public final class TwilioErrorCodes {
    public static final int MISSING_PARAMETER = 20001;
    public static final int AUTHENTICATE = 20003;
    public static final int METHOD_NOT_ALLOWED = 20004;
    public static final int PAGE_SIZE_TOO_LARGE = 20007;
    public static final int DELETE_BEFORE_COMPLETE = 20009;
    public static final int NOT_FOUND = 20404;

    /** Twilio's generic code for a parameter with no more specific one. */
    public static final int INVALID_PARAMETER = 20422;

    public static final int INTERNAL_SERVER_ERROR = 20500;
    public static final int SERVICE_UNAVAILABLE = 20503;
    public static final int TOO_MANY_REQUESTS = 20429;
    public static final int TO_MISSING = 21201;
    public static final int URL_INVALID = 21205;
    public static final int FROM_NOT_VERIFIED = 21210;
    public static final int SEND_DIGITS_INVALID = 21206;
    public static final int TIMEOUT_INVALID = 21208;
    public static final int METHOD_INVALID = 21209;
    public static final int TO_INVALID = 21211;
    public static final int FROM_INVALID = 21212;
    public static final int FROM_MISSING = 21213;
    public static final int TO_UNREACHABLE = 21214;
    public static final int GEO_PERMISSION = 21215;
    public static final int BLOCKLISTED = 21216;
    public static final int TO_NOT_VALID_NUMBER = 21217;
    public static final int APPLICATION_SID_INVALID = 21218;
    public static final int CALL_NOT_IN_PROGRESS = 21220;
    public static final int SIP_AUTH_USERNAME_TOO_LONG = 21221;
    public static final int SIP_AUTH_PASSWORD_TOO_LONG = 21223;
    public static final int SIP_AUTH_PASSWORD_REQUIRED = 21225;
    public static final int MACHINE_DETECTION_INVALID = 21234;
    public static final int BYOC_INVALID = 21300;
    public static final int PAGE_TOKEN_INVALID = 21481;
    public static final int STATUS_CALLBACK_INVALID = 21609;
    public static final int STATUS_CALLBACK_EVENT_INVALID = 21626;
    public static final int RECORDING_STATUS_CALLBACK_EVENT_INVALID = 13621;
    public static final int RECORDING_STATUS_CALLBACK_INVALID = 13256;

    private TwilioErrorCodes() {}

    public static String moreInfo(int code) {
        return "https://www.twilio.com/docs/errors/" + code;
    }
}
