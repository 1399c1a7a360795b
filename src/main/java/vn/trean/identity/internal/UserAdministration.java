package vn.trean.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.IdentityEvents.PasswordChanged;
import vn.trean.identity.IdentityEvents.PasswordReset;
import vn.trean.identity.IdentityEvents.UserCreated;
import vn.trean.identity.IdentityEvents.UserDisabled;
import vn.trean.identity.IdentityEvents.UserEnabled;
import vn.trean.identity.IdentityEvents.UserSnapshot;
import vn.trean.identity.IdentityEvents.UserUpdated;
import vn.trean.identity.IdentityEvents.UsersChanged;
import vn.trean.identity.OwnPassword;
import vn.trean.identity.Role;
import vn.trean.organisation.AdministrationScope;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * Administrators create, edit, disable and re-enable people and reset their passwords; a person changes
 * their own password. A province administrator does so for the people of their province's agencies only, and
 * grants no nationwide role (see {@link vn.trean.organisation.AdministrationScope}, {@link Role#grantableByProvince}). Every change is published as an {@code IdentityEvents} record inside its transaction
 * (the audit log writes it there), followed by {@link UsersChanged} (the engine's users and groups follow
 * after the commit). Passwords and hashes never leave this class except a one-time password, returned once.
 */
@Service
public class UserAdministration implements OwnPassword {

    private static final String USER_COLUMNS =
            "select username, display_name, email, role, agency_id, enabled, must_change_password from app_user ";

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AdministrationScopes scopes;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final RecentCredentials recentCredentials;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    UserAdministration(JdbcClient jdbc, Organisation organisation, PasswordEncoder encoder, ApplicationEventPublisher events,
                       RecentCredentials recentCredentials,
                       ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
                       AdministrationScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.organisation = organisation;
        this.encoder = encoder;
        this.events = events;
        this.recentCredentials = recentCredentials;
        this.sessions = sessions;
    }

    /** A user as an administrator sees them: never the password hash. */
    public record AdminUser(String username, String displayName, String email, Role role, String agencyId,
                            boolean enabled, boolean mustChangePassword) {
        UserSnapshot snapshot() {
            return new UserSnapshot(displayName, email, role, agencyId, enabled);
        }
    }

    /** What an administrator sets of a user. */
    public record Details(String displayName, String email, Role role, String agencyId) {
    }

    /** A new user, or a reset: the only time the one-time password is ever shown. */
    public record WithOneTimePassword(AdminUser user, String oneTimePassword) {
    }

    /**
     * The users the current administrator administers, optionally of one agency and/or one role. A province
     * administrator gets the people of their province's agencies, and never an administrator of the installation
     * nor a process owner (see {@link Role#grantableByProvince}).
     */
    public List<AdminUser> users(String agencyId, Role role) {
        AdministrationScope scope = scopes.current();
        return jdbc.sql(USER_COLUMNS + """
                        where (cast(:a as text) is null or agency_id = :a) and (cast(:r as text) is null or role = :r)
                          and """ + inScope("username") + " order by username")
                .param("a", agencyId).param("r", role == null ? null : role.name())
                .param("scopeProvince", scope.provinceCode()).param("ungrantable", ungrantable())
                .query(UserAdministration::adminUser)
                .list();
    }

    /** A user the current administrator administers; one outside their province is as missing. */
    public Optional<AdminUser> user(String username) {
        return jdbc.sql(USER_COLUMNS + " where username = :u and " + inScope("username")).param("u", username)
                .param("scopeProvince", scopes.current().provinceCode()).param("ungrantable", ungrantable())
                .query(UserAdministration::adminUser)
                .optional();
    }

    /**
     * SQL: the user named in {@code usernameColumn} is the current administrator's: any user nationwide; in a
     * province, one of its agencies with a role a province may grant. Binds scopeProvince and ungrantable.
     */
    private static String inScope(String usernameColumn) {
        return "(cast(:scopeProvince as text) is null or " + usernameColumn + " in (select su.username from app_user su"
                + " where su.role not in (:ungrantable) and " + AdministrationScope.agencyCondition("su.agency_id") + "))";
    }

    private static List<String> ungrantable() {
        return java.util.Arrays.stream(Role.values()).filter(r -> !r.grantableByProvince()).map(Role::name).toList();
    }

    private Optional<AdminUser> load(String username) {
        return jdbc.sql(USER_COLUMNS + " where username = :u").param("u", username)
                .query(UserAdministration::adminUser).optional();
    }

    private static AdminUser adminUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AdminUser(rs.getString(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getString(5), rs.getBoolean(6), rs.getBoolean(7));
    }

    @Transactional
    public WithOneTimePassword create(String username, Details details, String actor) {
        String password = PasswordPolicy.oneTimePassword();
        WithOneTimePassword created = insert(username, details, actor, password, encoder.encode(password));
        events.publishEvent(new UsersChanged());
        return created;
    }

    /**
     * Creates the user and publishes {@link UserCreated} for the audit log, but not {@link UsersChanged}: a bulk
     * import inserts many users in its own transaction and rebuilds the engine's identity once after it. The hash
     * is computed by the caller, so that an import can compute its hashes before its transaction opens.
     */
    WithOneTimePassword insert(String username, Details details, String actor, String password, String hash) {
        checkRoleAndAgency(details);
        try {
            jdbc.sql("""
                            insert into app_user (username, password_hash, display_name, email, role, agency_id, must_change_password)
                            values (:u, :h, :n, :e, :r, :a, true)""")
                    .param("u", username).param("h", hash).param("n", details.displayName())
                    .param("e", blankToNull(details.email())).param("r", details.role().name()).param("a", details.agencyId())
                    .update();
        } catch (DuplicateKeyException taken) {
            // a person or an integration already has the name (primary key, or the V18 trigger)
            throw new InvalidFieldsProblem(HttpStatus.CONFLICT, "username-taken",
                    List.of(new Violation("username", "username-taken")), username);
        }
        AdminUser created = load(username).orElseThrow();
        events.publishEvent(new UserCreated(actor, username, created.snapshot()));
        return new WithOneTimePassword(created, password);
    }

    @Transactional
    public AdminUser update(String username, Details details, String actor) {
        AdminUser before = existing(username);
        checkRoleAndAgency(details);
        if (details.role() != Role.ADMIN) {
            keepAnAdministrator(before);
        }
        jdbc.sql("update app_user set display_name = :n, email = :e, role = :r, agency_id = :a where username = :u")
                .param("n", details.displayName()).param("e", blankToNull(details.email())).param("r", details.role().name())
                .param("a", details.agencyId()).param("u", username).update();
        AdminUser after = load(username).orElseThrow();
        if (!after.equals(before)) {
            events.publishEvent(new UserUpdated(actor, username, before.snapshot(), after.snapshot()));
            events.publishEvent(new UsersChanged());
        }
        return after;
    }

    /**
     * The user can no longer sign in, from this moment and on every node (see {@link AccountStanding}); their
     * sessions are deleted and the workflow releases their claimed tasks. Disabling twice changes nothing.
     */
    @Transactional
    public void disable(String username, String actor) {
        AdminUser user = existing(username);
        if (!user.enabled()) {
            return;
        }
        keepAnAdministrator(user);
        jdbc.sql("update app_user set enabled = false where username = :u").param("u", username).update();
        recentCredentials.forget(username);
        deleteSessions(username);
        events.publishEvent(new UserDisabled(actor, username));
        events.publishEvent(new UsersChanged());
    }

    @Transactional
    public void enable(String username, String actor) {
        if (existing(username).enabled()) {
            return;
        }
        jdbc.sql("update app_user set enabled = true where username = :u").param("u", username).update();
        events.publishEvent(new UserEnabled(actor, username));
        events.publishEvent(new UsersChanged());
    }

    /** A new one-time password, to be changed at the next sign-in; the old password stops working at once. */
    @Transactional
    public WithOneTimePassword resetPassword(String username, String actor) {
        existing(username);
        String password = PasswordPolicy.oneTimePassword();
        jdbc.sql("update app_user set password_hash = :h, must_change_password = true where username = :u")
                .param("h", encoder.encode(password)).param("u", username).update();
        recentCredentials.forget(username);
        deleteSessions(username);
        events.publishEvent(new PasswordReset(actor, username));
        return new WithOneTimePassword(load(username).orElseThrow(), password);
    }

    /** The signed-in person replaces their password: the current one, then a new one that follows the rules. */
    @Override
    @Transactional
    public void change(String username, String currentPassword, String newPassword) {
        String hash = jdbc.sql("select password_hash from app_user where username = :u and enabled").param("u", username)
                .query(String.class).optional().orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        if (!encoder.matches(currentPassword, hash)) {
            throw new InvalidFieldsProblem(List.of(new Violation("currentPassword", "password-wrong")));
        }
        PasswordPolicy.broken(newPassword, username).ifPresent(rule -> {
            throw new InvalidFieldsProblem(List.of(new Violation("newPassword", rule, PasswordPolicy.MIN_LENGTH)));
        });
        if (newPassword.equals(currentPassword)) {
            throw new InvalidFieldsProblem(List.of(new Violation("newPassword", "password-unchanged")));
        }
        jdbc.sql("update app_user set password_hash = :h, must_change_password = false where username = :u")
                .param("h", encoder.encode(newPassword)).param("u", username).update();
        recentCredentials.forget(username);
        events.publishEvent(new PasswordChanged(username));
    }

    private AdminUser existing(String username) {
        return user(username).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
    }

    /** The last enabled administrator may not be disabled nor given another role: nobody could undo it. */
    private void keepAnAdministrator(AdminUser user) {
        if (user.role() != Role.ADMIN || !user.enabled()) {
            return;
        }
        // the row lock keeps two administrators from removing each other at the same moment
        int others = jdbc.sql("""
                        select count(*) from (select 1 from app_user
                        where role = 'ADMIN' and enabled and username <> :u for update) others""")
                .param("u", user.username()).query(Integer.class).single();
        if (others == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "last-administrator", user.username());
        }
    }

    /**
     * The agency must exist and lie in the administrator's scope (another province's is as unknown); a province
     * administrator may not grant a nationwide role; a province administrator belongs to a provincial agency,
     * whose province is the one they administer.
     */
    private void checkRoleAndAgency(Details details) {
        AdministrationScope scope = scopes.current();
        if (!scope.isNationwide() && !details.role().grantableByProvince()) {
            throw new InvalidFieldsProblem(HttpStatus.FORBIDDEN, "role-not-grantable",
                    List.of(new Violation("role", "role-not-grantable")), details.role().name());
        }
        Agency agency = organisation.agencyIn(scope, details.agencyId()).orElseThrow(() ->
                new InvalidFieldsProblem(List.of(new Violation("agencyId", "unknown-agency"))));
        if (details.role() == Role.PROVINCE_ADMIN && !agency.kind().isProvincial()) {
            throw new InvalidFieldsProblem(List.of(new Violation("agencyId", "province-admin-agency")));
        }
    }

    /** Signs the user out everywhere: their sessions live in PostgreSQL, shared by every node. */
    private void deleteSessions(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        for (String id : repository.findByPrincipalName(username).keySet()) {
            repository.deleteById(id);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
