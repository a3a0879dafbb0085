package dev.dialtone.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accounts Dialtone accepts, from {@code dialtone.accounts[n]} (or {@code
 * DIALTONE_ACCOUNTS_0_SID} and friends in the environment).
 */
@ConfigurationProperties("dialtone")
public record AccountsProperties(List<Account> accounts) {

    public AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** An account: its SID, its auth token, and any API keys that act for it. */
    public record Account(String sid, String authToken, List<ApiKey> apiKeys) {
        public Account {
            apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        }
    }

    /** An API key ({@code SK…}) and its secret. */
    public record ApiKey(String sid, String secret) {}
}
