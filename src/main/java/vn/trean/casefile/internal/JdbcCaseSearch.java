package vn.trean.casefile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;
import vn.trean.casefile.CaseEvents;
import vn.trean.casefile.CaseSearch;
import vn.trean.casefile.CaseVisibility;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * The case list over the case record: the need-to-know condition of {@link JdbcCaseFiles#visibleTo}, the
 * criteria as indexed conditions (the words of the folded name in {@code child_name_word}, the start of a case
 * number, V37), newest activity first ({@code case_file.last_activity_at}, kept by triggers).
 */
@Service
// not read-only: a search that looks for a particular child or case is written to the audit log in the same transaction
@Transactional
class JdbcCaseSearch implements CaseSearch {

    static final int MAX_CASE_NUMBER = 40;
    static final int MAX_NAME = 100;
    static final int MAX_NAME_WORDS = 6;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcCaseSearch(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public CaseList search(Criteria criteria, int page, int size, CurrentUser user) {
        check(criteria, page, size);
        Statement count = countStatement(criteria, user);
        long total = jdbc.sql(count.sql()).params(count.parameters()).query(Long.class).single();
        // who looked for which child or case number is the audit's: a look-up, not the browsing of one's own list
        if (criteria.childName() != null || criteria.caseNumber() != null) {
            events.publishEvent(new CaseEvents.CasesSearched(user.username(), criteria.caseNumber(), criteria.childName(),
                    criteria.communeCode(), page, Math.min(total, COUNT_LIMIT + 1)));
        }
        if (total == 0) {
            return new CaseList(List.of(), page, size, 0, false);
        }
        LocalDate today = LocalDate.now(VIETNAM);
        boolean seesWholeRole = CaseVisibility.seesWholeCase(user.role());
        Statement list = pageStatement(criteria, page, size, user);
        List<Row> rows = jdbc.sql(list.sql()).params(list.parameters())
                .query((rs, i) -> CaseVisibility.forList(row(rs, today),
                        seesWholeRole && !rs.getBoolean("former_commune")))
                .list();
        return new CaseList(rows, page, size, Math.min(total, COUNT_LIMIT), total > COUNT_LIMIT);
    }

    /** A statement with its named parameters; the benchmark (bench/) explains the same ones. */
    record Statement(String sql, Map<String, Object> parameters) {
    }

    /** How many cases match, counted up to one more than {@link #COUNT_LIMIT}. */
    Statement countStatement(Criteria criteria, CurrentUser user) {
        Map<String, Object> parameters = new HashMap<>(JdbcCaseFiles.visibilityParameters(user));
        String where = JdbcCaseFiles.visibleTo(user) + conditions(criteria, parameters);
        parameters.put("cap", COUNT_LIMIT + 1);
        return new Statement("select count(*) from (select 1 from case_file c where " + where + " limit :cap) n",
                parameters);
    }

    /** One page of the matching cases, newest activity first. */
    Statement pageStatement(Criteria criteria, int page, int size, CurrentUser user) {
        Map<String, Object> parameters = new HashMap<>(JdbcCaseFiles.visibilityParameters(user));
        String where = JdbcCaseFiles.visibleTo(user) + conditions(criteria, parameters);
        parameters.put("locality", user.localityCode() == null ? "" : user.localityCode());
        parameters.put("limit", size);
        parameters.put("offset", page * size);
        // the page's cases first, from the indexes on the case; the child and the transfers for those 25 rows only.
        // An agency's people see the cases of its access rows, which hold each case's last activity (V48): their page
        // is a range of (agency, activity), not a walk through every case of the installation by activity.
        String cases = seesByAccessOnly(user)
                ? """
                  (select c.* from case_access a join case_file c on c.id = a.case_id
                   where a.agency_id = :agency %s
                   order by a.last_activity_at desc, a.case_id limit :limit offset :offset)""".formatted(
                        conditions(criteria, parameters))
                : """
                  (select c.* from case_file c where %s
                   order by c.last_activity_at desc, c.id limit :limit offset :offset)""".formatted(where);
        return new Statement("""
                select c.id, c.case_number, c.commune_code, c.category, c.status, c.emergency, c.received_at,
                       c.last_activity_at, ch.full_name, ch.date_of_birth, ch.estimated_age,
                       exists (select 1 from case_transfer t where t.case_id = c.id and t.state = 'ACCEPTED')
                           as transferred,
                       (c.commune_code <> :locality and exists (
                           select 1 from case_transfer t where t.case_id = c.id and t.state = 'ACCEPTED'
                              and t.from_commune = :locality)) as former_commune
                from %s c
                join child ch on ch.case_id = c.id
                order by c.last_activity_at desc, c.id""".formatted(cases), parameters);
    }

    /** Whether the user sees the cases of their agency's access rows only (not a whole province as well). */
    private static boolean seesByAccessOnly(CurrentUser user) {
        return user.role().readsCaseFiles() && !(user.role().supervisesProvince() && user.provinceCode() != null);
    }

    /** The criteria as SQL conditions on {@code c}, each with its parameters; none of them holds a name in clear. */
    private static String conditions(Criteria criteria, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (present(criteria.caseNumber())) {
            sql.append(" and c.case_number like :number");
            parameters.put("number", likePrefix(criteria.caseNumber().trim().toUpperCase(java.util.Locale.ROOT)));
        }
        List<String> words = nameWords(criteria.childName());
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and exists (select 1 from child_name_word w where w.case_id = c.id and w.word like :w")
                    .append(i).append(')');
            parameters.put("w" + i, likePrefix(words.get(i)));
        }
        if (present(criteria.communeCode())) {
            sql.append(" and c.commune_code = :commune");
            parameters.put("commune", criteria.communeCode().trim());
        }
        if (criteria.status() != null) {
            sql.append(switch (criteria.status()) {
                case OPEN -> " and c.status = 'OPEN'";
                case CLOSED -> " and c.status = 'CLOSED'";
                case TRANSFERRED ->
                        " and exists (select 1 from case_transfer t where t.case_id = c.id and t.state = 'ACCEPTED')";
            });
        }
        if (criteria.category() != null) {
            sql.append(" and c.category = :category");
            parameters.put("category", criteria.category().name());
        }
        if (criteria.emergency() != null) {
            sql.append(criteria.emergency() ? " and c.emergency is true" : " and c.emergency is not true");
        }
        if (criteria.mine()) {
            sql.append(" and exists (select 1 from case_access m where m.case_id = c.id and m.agency_id = :agency)");
        }
        return sql.toString();
    }

    /** The folded words typed, each to be the start of a word of the child's name: "Nguyễn  Văn" → [nguyen, van]. */
    static List<String> nameWords(String typed) {
        if (!present(typed)) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : VietnameseText.fold(typed).split(" ")) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static void check(Criteria criteria, int page, int size) {
        List<Violation> violations = new ArrayList<>();
        if (criteria.caseNumber() != null && criteria.caseNumber().length() > MAX_CASE_NUMBER) {
            violations.add(new Violation("caseNumber", "max-length", MAX_CASE_NUMBER));
        }
        if (criteria.childName() != null && criteria.childName().length() > MAX_NAME) {
            violations.add(new Violation("childName", "max-length", MAX_NAME));
        } else if (nameWords(criteria.childName()).size() > MAX_NAME_WORDS) {
            violations.add(new Violation("childName", "too-many", MAX_NAME_WORDS));
        }
        if (criteria.communeCode() != null && !criteria.communeCode().isBlank()
                && !criteria.communeCode().trim().matches("\\d{5}")) {
            violations.add(new Violation("communeCode", "pattern"));
        }
        if (size < 1) {
            violations.add(new Violation("size", "min", 1));
        } else if (size > MAX_SIZE) {
            violations.add(new Violation("size", "max", MAX_SIZE));
        }
        if (page < 0) {
            violations.add(new Violation("page", "min", 0));
        } else if (size >= 1 && (long) page * size >= MAX_OFFSET) {
            violations.add(new Violation("page", "max", MAX_OFFSET / Math.max(1, Math.min(size, MAX_SIZE)) - 1));
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String likePrefix(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        var dob = rs.getDate("date_of_birth");
        Integer age = dob == null ? (Integer) rs.getObject("estimated_age")
                : Integer.valueOf(Period.between(dob.toLocalDate(), today).getYears());
        String name = rs.getString("full_name");
        return new Row(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getString("commune_code"), name,
                JdbcCaseFiles.initials(name), age, rs.getString("category"), rs.getString("status"),
                rs.getBoolean("transferred"), Boolean.TRUE.equals(rs.getObject("emergency")),
                instant(rs, "received_at"), instant(rs, "last_activity_at"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
