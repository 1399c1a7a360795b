package vn.trean.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.trean.identity.IdentityEvents.UsersChanged;
import vn.trean.identity.PeopleImport;
import vn.trean.identity.Role;
import vn.trean.identity.internal.UserAdministration.Details;
import vn.trean.identity.internal.UserAdministration.WithOneTimePassword;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * Bulk import of people (issue 8, item 4): every row is checked as creating one user checks it, plus user names
 * repeated within the file; then all rows are written in one transaction, or none. Each user is created through
 * {@link UserAdministration} (audited as a single create) and the engine's identity is rebuilt once, after the commit.
 */
@Service
class UserImport implements PeopleImport {

    private final JdbcClient jdbc;
    private final UserRules rules;
    private final UserAdministration administration;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;

    UserImport(JdbcClient jdbc, UserRules rules, UserAdministration administration, ApplicationEventPublisher events,
               MessageSource messages, PasswordEncoder encoder, PlatformTransactionManager transactions) {
        this.encoder = encoder;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.rules = rules;
        this.administration = administration;
        this.events = events;
        this.messages = messages;
    }

    @Override
    public byte[] template(Format format) {
        if (format == Format.CSV) {
            return ImportFiles.csvTemplate();
        }
        List<List<String>> roles = Arrays.stream(Role.values())
                .map(r -> List.of(r.name(), label(r, Locale.forLanguageTag("vi")), label(r, Locale.ENGLISH)))
                .toList();
        return ImportFiles.xlsxTemplate(roles);
    }

    private String label(Role role, Locale locale) {
        return messages.getMessage("admin.role." + role.name(), null, role.name(), locale);
    }

    @Override
    public Check check(byte[] content) {
        List<ImportFiles.RawRow> rows = ImportFiles.read(content);
        Set<String> taken = takenNames(rows);
        Set<String> seen = new HashSet<>();
        List<CheckedRow> checked = new ArrayList<>(rows.size());
        for (ImportFiles.RawRow row : rows) {
            String username = row.cell(0);
            List<Violation> violations = new ArrayList<>(rules.username(username));
            if (violations.isEmpty()) {
                if (!seen.add(username)) {
                    violations.add(new Violation("username", "username-repeated-in-file"));
                } else if (taken.contains(username)) {
                    violations.add(new Violation("username", "username-taken"));
                }
            }
            violations.addAll(rules.details(row.cell(1), row.cell(2), row.cell(3), row.cell(4)));
            checked.add(new CheckedRow(row.row(), username, row.cell(1), row.cell(2), row.cell(3), row.cell(4),
                    violations.stream().map(v -> new RowProblem(v.field(), v.code(), Arrays.asList(v.args()))).toList()));
        }
        return new Check(checked);
    }

    /** The file's user names that a person or an integration already has (one query for the whole file). */
    private Set<String> takenNames(List<ImportFiles.RawRow> rows) {
        String[] names = rows.stream().map(r -> r.cell(0)).filter(n -> !n.isEmpty()).distinct().toArray(String[]::new);
        if (names.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select username from app_user where username = any(:n)
                        union select name from integration_account where name = any(:n)""")
                .param("n", names).query(String.class).list());
    }

    /** A one-time password and its hash, computed before the transaction opens (BCrypt takes tens of ms each). */
    private record Credentials(String password, String hash) {
    }

    @Override
    public List<Imported> importUsers(byte[] content, String actor) {
        Check check = check(content);
        if (!check.valid()) {
            throw new RowsRefused(check);
        }
        List<Credentials> credentials = check.rows().parallelStream().map(r -> {
            String password = PasswordPolicy.oneTimePassword();
            return new Credentials(password, encoder.encode(password));
        }).toList();
        // one transaction for every row: a name taken since the check (a unique key) rolls all of them back
        return transaction.execute(status -> {
            List<Imported> imported = new ArrayList<>(check.rows().size());
            for (int i = 0; i < check.rows().size(); i++) {
                CheckedRow row = check.rows().get(i);
                WithOneTimePassword created = administration.insert(row.username(), new Details(row.displayName().trim(),
                                row.email(), UserRules.role(row.role()), row.agencyId().trim()), actor,
                        credentials.get(i).password(), credentials.get(i).hash());
                imported.add(new Imported(row.row(), row.username(), created.user().displayName(), created.user().role(),
                        created.user().agencyId(), created.oneTimePassword()));
            }
            if (!imported.isEmpty()) {
                // once for the whole file: the engine's users and groups are rebuilt after the commit
                events.publishEvent(new UsersChanged());
            }
            return imported;
        });
    }
}
