package vn.trean.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MailSettingsTests {

    @Test
    void emptyEnabledLeavesTheChoiceToWhetherAnSmtpHostIsSet() {
        MailSettings settings = bind(Map.of("trean.mail.enabled", "", "trean.mail.base-url", "https://trean.example.vn/"));

        assertThat(settings.enabled()).isNull();
        assertThat(settings.baseUrl()).isEqualTo("https://trean.example.vn");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void explicitFalseKeepsMailInTheOutbox() {
        assertThat(bind(Map.of("trean.mail.enabled", "false")).enabled()).isFalse();
    }

    @Test
    void retryDelayDoublesWithEachFailureUpToItsLimit() {
        MailSettings settings = bind(Map.of("trean.mail.retry-delay", "1m", "trean.mail.max-retry-delay", "1h"));

        assertThat(settings.retryDelayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryDelayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryDelayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.retryDelayAfter(100)).isEqualTo(Duration.ofHours(1));
    }

    private static MailSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("trean.mail", MailSettings.class);
    }
}
