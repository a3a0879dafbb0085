package dev.dialtone.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountAnnouncementTest {

    @Test
    void theBuiltInAccountIsAnnouncedWithItsPublicToken() {
        assertThat(
                        AuthConfiguration.announcement(
                                new AccountsProperties.Account(
                                        AuthConfiguration.BUILT_IN_SID,
                                        AuthConfiguration.BUILT_IN_TOKEN,
                                        List.of())))
                .contains(AuthConfiguration.BUILT_IN_TOKEN);
    }

    @Test
    void aConfiguredTokenIsNeverLogged() {
        assertThat(
                        AuthConfiguration.announcement(
                                new AccountsProperties.Account(
                                        AuthConfiguration.BUILT_IN_SID,
                                        "a-real-secret",
                                        List.of())))
                .doesNotContain("a-real-secret")
                .contains(AuthConfiguration.BUILT_IN_SID);
        assertThat(
                        AuthConfiguration.announcement(
                                new AccountsProperties.Account(
                                        "AC" + "1".repeat(32), "token-of-account-one", List.of())))
                .doesNotContain("token-of-account-one");
    }
}
