package vn.trean.identity.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.Role;
import vn.trean.organisation.Organisation;

/**
 * The first administrator of an installation without demo data: created at start when no enabled
 * administrator exists, from {@code TREAN_ADMIN_USERNAME} / {@code TREAN_ADMIN_PASSWORD}, or, without a
 * password, with a one-time password generated here and written to the log once — never a password
 * anyone could know in advance. Runs after the demo logins (which bring their own administrator) and
 * before the engine's identity projection, so the engine knows the new administrator at once.
 */
@Component
@Order(25)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    /** A configured password at least this long; shorter ones are refused at start. */
    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Organisation organisation;
    private final String username;
    private final String password;

    FirstAdministrator(JdbcClient jdbc, PasswordEncoder encoder, Organisation organisation,
                       @Value("${trean.admin.username}") String username,
                       @Value("${trean.admin.password:}") String password) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.organisation = organisation;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(username, password);
    }

    /**
     * Creates the administrator {@code name} when no enabled administrator exists.
     *
     * @param configured the password to give it; blank for a generated one-time password
     * @return whether an administrator was created
     */
    @Transactional
    boolean ensure(String name, String configured) {
        boolean anyAdministrator = jdbc.sql("select count(*) from app_user where role = :r and enabled")
                .param("r", Role.ADMIN.name()).query(Integer.class).single() > 0;
        if (anyAdministrator) {
            return false;
        }
        String login = name.trim().toLowerCase(Locale.ROOT);
        if (!login.matches("[a-z0-9._-]{3,64}")) {
            throw new IllegalStateException("TREAN_ADMIN_USERNAME must be 3–64 of a-z, 0-9, '.', '_', '-'");
        }
        boolean generated = configured == null || configured.isBlank();
        String secret = generated ? PasswordPolicy.oneTimePassword() : checked(configured, login);
        var agency = organisation.administrationAgency(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        int created = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, agency_id, must_change_password)
                        values (:u, :h, 'Quản trị hệ thống', :r, :a, :m)
                        on conflict (username) do update set enabled = true, role = :r, password_hash = :h,
                            must_change_password = :m""")
                .param("u", login).param("h", encoder.encode(secret)).param("r", Role.ADMIN.name())
                .param("a", agency.id())
                // a generated password was in the log: it must be replaced before the account does anything else
                .param("m", generated).update();
        if (generated) {
            // the one time this password exists outside its hash: whoever starts the server reads it here
            log.warn("No administrator existed: created '{}' with the one-time password {} — sign in and change it "
                    + "(or set TREAN_ADMIN_PASSWORD before the first start).", login, secret);
        } else {
            log.info("No administrator existed: created '{}' with the password from TREAN_ADMIN_PASSWORD.", login);
        }
        return created > 0;
    }

    private static String checked(String configured, String login) {
        PasswordPolicy.broken(configured, login).ifPresent(rule -> {
            throw new IllegalStateException("TREAN_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                    + " characters, must not contain the user name and must not be a common password (" + rule + ")");
        });
        return configured;
    }
}
