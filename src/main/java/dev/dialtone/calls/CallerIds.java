package dev.dialtone.calls;

/**
 * Whether a number is the account's to call from ({@code dialtone.validate-from}): the module that
 * keeps the account's numbers answers, so this one need not know it.
 */
public interface CallerIds {

    boolean owns(String accountSid, String phoneNumber);
}
