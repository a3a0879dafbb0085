package dev.dialtone.support;

/** The accounts configured in {@code application-test.yml}. */
public final class TestAccounts {
    public static final String ONE = "AC11111111111111111111111111111111";
    public static final String ONE_TOKEN = "token-of-account-one";
    public static final String ONE_KEY = "SK11111111111111111111111111111111";
    public static final String ONE_KEY_SECRET = "secret-of-key-one";
    public static final String TWO = "AC22222222222222222222222222222222";
    public static final String TWO_TOKEN = "token-of-account-two";

    private TestAccounts() {}
}
