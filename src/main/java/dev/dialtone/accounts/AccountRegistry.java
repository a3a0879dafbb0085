package dev.dialtone.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Knows every configured account and checks credentials against them. */
@Component
public class AccountRegistry {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern KEY_SID = Pattern.compile("SK[0-9a-fA-F]{32}");

    /** Username (account or key SID) → the secret that goes with it and the account it acts for. */
    private final Map<String, Credential> credentials = new HashMap<>();

    private final Map<String, AccountsProperties.Account> accounts = new HashMap<>();

    public AccountRegistry(AccountsProperties properties) {
        if (properties.accounts().isEmpty()) {
            throw new IllegalStateException("dialtone.accounts must name at least one account");
        }
        for (AccountsProperties.Account account : properties.accounts()) {
            require(
                    account.sid() != null && ACCOUNT_SID.matcher(account.sid()).matches(),
                    "dialtone.accounts: sid must be AC followed by 32 hex digits, was "
                            + account.sid());
            require(
                    account.authToken() != null && !account.authToken().isEmpty(),
                    "dialtone.accounts: account " + account.sid() + " needs an auth-token");
            accounts.put(account.sid(), account);
            credentials.put(
                    account.sid(), new Credential(account.sid(), bytes(account.authToken())));
            for (AccountsProperties.ApiKey key : account.apiKeys()) {
                require(
                        key.sid() != null && KEY_SID.matcher(key.sid()).matches(),
                        "dialtone.accounts: api key sid must be SK followed by 32 hex digits, was "
                                + key.sid());
                require(
                        key.secret() != null && !key.secret().isEmpty(),
                        "dialtone.accounts: api key " + key.sid() + " needs a secret");
                credentials.put(key.sid(), new Credential(account.sid(), bytes(key.secret())));
            }
        }
    }

    /** The account these credentials act for, if they are right. */
    public Optional<String> authenticate(String username, String secret) {
        Credential credential = credentials.get(username);
        if (credential == null || !MessageDigest.isEqual(credential.secret(), bytes(secret))) {
            return Optional.empty();
        }
        return Optional.of(credential.accountSid());
    }

    /**
     * The account an HTTP {@code Authorization: Basic …} header's credentials act for, if they are
     * right.
     */
    public Optional<String> authenticate(String authorizationHeader) {
        String header = authorizationHeader;
        if (header == null
                || header.length() < 6
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded =
                    new String(
                            java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                            StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0
                ? Optional.empty()
                : authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The auth token of an account, with which Dialtone signs the webhooks it sends. */
    public Optional<String> authToken(String accountSid) {
        return Optional.ofNullable(accounts.get(accountSid))
                .map(AccountsProperties.Account::authToken);
    }

    public List<AccountsProperties.Account> all() {
        return List.copyOf(accounts.values());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private record Credential(String accountSid, byte[] secret) {}
}
