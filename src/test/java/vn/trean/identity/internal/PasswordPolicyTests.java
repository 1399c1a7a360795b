package vn.trean.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void aLongUncommonPasswordWithoutTheUserNameIsAccepted() {
        assertThat(PasswordPolicy.broken("Bao-ve-tre-em-Quang-Tri", "officer.qt")).isEmpty();
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefused() {
        assertThat(PasswordPolicy.broken("Ngan-qua-11", "officer.qt")).contains("password-too-short");
        assertThat(PasswordPolicy.broken(null, "officer.qt")).contains("password-too-short");
    }

    @Test
    void aPasswordContainingTheUserNameInAnyCaseIsRefused() {
        assertThat(PasswordPolicy.broken("2026-OFFICER.QT-mat-khau", "officer.qt")).contains("password-contains-username");
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThat(PasswordPolicy.broken("PASSWORD1234", "officer.qt")).contains("password-common");
        assertThat(PasswordPolicy.broken("123456789012", "officer.qt")).contains("password-common");
        assertThat(PasswordPolicy.broken("treAN@2026!!", "officer.qt")).contains("password-common");
    }

    @Test
    void aOneTimePasswordFollowsTheRules() {
        String password = PasswordPolicy.oneTimePassword();
        assertThat(password).hasSize(20).isNotEqualTo(PasswordPolicy.oneTimePassword());
        assertThat(PasswordPolicy.broken(password, "officer.qt")).isEmpty();
    }
}
