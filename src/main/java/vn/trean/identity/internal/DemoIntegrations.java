package vn.trean.identity.internal;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.trean.identity.Role;

/**
 * The demo's hotline system, as an integration account that files reports for the hotline 111. No token:
 * a token with a known value would be a password anyone can read; the README shows how an administrator
 * issues one.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "trean.demo.enabled", havingValue = "true")
class DemoIntegrations implements ApplicationRunner {

    static final String HOTLINE_SYSTEM = "hotline-system";

    private final JdbcClient jdbc;
    private final IntegrationAccounts integrations;

    DemoIntegrations(JdbcClient jdbc, IntegrationAccounts integrations) {
        this.jdbc = jdbc;
        this.integrations = integrations;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean exists = jdbc.sql("select count(*) from integration_account where name = :n").param("n", HOTLINE_SYSTEM)
                .query(Integer.class).single() > 0;
        if (!exists) {
            integrations.create(HOTLINE_SYSTEM, "Hệ thống Tổng đài 111", Role.HOTLINE_OPERATOR, "hotline-111",
                    List.of(ApiScope.REPORTS_FILE), "system");
        }
    }
}
