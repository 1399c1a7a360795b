package vn.trean.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.reporting.periodic.PeriodicFigures;

/**
 * The figures a commune submits for a periodic report, frozen as submitted (issue 10, item 3). A later
 * submission for the same commune and period is a new version beside the earlier ones and must say why
 * ({@code correctionNote}); nothing submitted is ever changed. The province supervisor sees which communes of
 * the province have submitted and the sum of their latest versions.
 */
@Service
@Transactional(readOnly = true)
public class ReportSubmissions {

    static final int NOTE_MAX_LENGTH = 2000;
    static final int MAX_PERIOD_YEARS = 5;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final String COLUMNS = """
            id, level, unit_code, province_code, period_from, period_to, version, figures, correction_note,
            submitted_by, submitted_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Organisation organisation;

    ReportSubmissions(JdbcClient jdbc, ObjectMapper json, Organisation organisation) {
        this.jdbc = jdbc;
        this.json = json;
        this.organisation = organisation;
    }

    /**
     * One submission as it was sent.
     *
     * @param unitCode the commune's code (the province's for a province's own report, later)
     */
    public record Submission(UUID id, ReportingLevel level, String unitCode, String provinceCode, LocalDate periodFrom,
                             LocalDate periodTo, int version, PeriodicFigures figures, String correctionNote,
                             String submittedBy, Instant submittedAt) {
    }

    /** A commune of the province and its latest submission for the period; null when it has not submitted. */
    public record CommuneStatus(String communeCode, String communeName, Submission latest) {

        public boolean submitted() {
            return latest != null;
        }
    }

    /**
     * Who of the province has submitted for the period, and what.
     *
     * @param communes         every commune of the province (2025 list, and any retired one that submitted), by name
     * @param submittedFigures code by code the sum of the communes' latest versions, with each of those communes'
     *                         figures: ready for {@code PeriodicReportLayout}. A child in cases of two communes is
     *                         in both communes' figures, so this sum may count them twice.
     */
    public record ProvinceSubmissions(String provinceCode, LocalDate periodFrom, LocalDate periodTo,
                                      int submitted, List<CommuneStatus> communes, PeriodicFigures submittedFigures) {
    }

    /**
     * Freezes the figures of {@code communeCode} for the period {@code from}–{@code to} (both inclusive). Only the
     * commune's child-protection officer or chairman submits. The first submission is version 1; each later one
     * for the same period is the next version and needs a {@code correctionNote} (else 409
     * {@code submission-frozen}, naming the field).
     */
    @Transactional
    public Submission submit(CurrentUser user, String communeCode, LocalDate from, LocalDate to, PeriodicFigures figures,
                             String correctionNote) {
        boolean communeStaff = user.role() == Role.COMMUNE_OFFICER || user.role() == Role.COMMUNE_CHAIRMAN;
        if (!communeStaff || communeCode == null || !communeCode.equals(user.localityCode())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "submission-forbidden");
        }
        checkPeriod(from, to);
        java.util.Objects.requireNonNull(figures, "figures");
        String note = note(correctionNote);
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .param("key", "report_submission/COMMUNE/" + communeCode + "/" + from + "/" + to)
                .query(Integer.class).single();
        int latest = jdbc.sql("""
                        select coalesce(max(version), 0) from report_submission
                        where level = 'COMMUNE' and unit_code = :unit and period_from = :from and period_to = :to""")
                .param("unit", communeCode).param("from", from).param("to", to)
                .query(Integer.class).single();
        if (latest > 0 && note == null) {
            throw new InvalidFieldsProblem(HttpStatus.CONFLICT, "submission-frozen",
                    List.of(new Violation("correctionNote", "correction-note-required")), latest, latest + 1);
        }
        var submission = new Submission(UUID.randomUUID(), ReportingLevel.COMMUNE, communeCode, user.provinceCode(), from,
                to, latest + 1, PeriodicFigures.of(figures.values()), note, user.username(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("insert into report_submission (" + COLUMNS + """
                        ) values (:id, :level, :unit, :province, :from, :to, :version, cast(:figures as jsonb), :note,
                                  :by, :at)""")
                .param("id", submission.id()).param("level", submission.level().name()).param("unit", communeCode)
                .param("province", submission.provinceCode()).param("from", from).param("to", to)
                .param("version", submission.version()).param("figures", toJson(submission.figures()))
                .param("note", note).param("by", submission.submittedBy())
                .param("at", Timestamp.from(submission.submittedAt()))
                .update();
        return submission;
    }

    /** For the province supervisor: every commune of their province, whether it submitted for the period, and the sums. */
    public ProvinceSubmissions forProvince(CurrentUser user, LocalDate from, LocalDate to) {
        if (!user.role().supervisesProvince() || user.provinceCode() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "submissions-forbidden");
        }
        checkPeriod(from, to);
        String province = user.provinceCode();
        Map<String, Submission> latest = new TreeMap<>();
        jdbc.sql("select distinct on (unit_code) " + COLUMNS + """
                         from report_submission
                        where level = 'COMMUNE' and province_code = :province and period_from = :from and period_to = :to
                        order by unit_code, version desc""")
                .param("province", province).param("from", from).param("to", to)
                .query(this::submission).list()
                .forEach(s -> latest.put(s.unitCode(), s));
        Map<String, String> names = organisation.communeNames(province);
        Map<String, CommuneStatus> communes = new TreeMap<>();
        organisation.communes().stream().filter(c -> province.equals(c.provinceCode()))
                .forEach(c -> communes.put(c.code(), new CommuneStatus(c.code(), c.name(), latest.get(c.code()))));
        latest.forEach((code, s) -> communes.putIfAbsent(code, new CommuneStatus(code, names.getOrDefault(code, code), s)));
        var collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi-VN"));
        List<CommuneStatus> byName = communes.values().stream()
                .sorted(Comparator.comparing(CommuneStatus::communeName, collator)).toList();
        List<PeriodicFigures.CommuneFigures> submitted = new ArrayList<>();
        byName.stream().filter(CommuneStatus::submitted).forEach(c -> submitted.add(
                new PeriodicFigures.CommuneFigures(c.communeCode(), c.communeName(), c.latest().figures().values())));
        var sums = new PeriodicFigures(PeriodicFigures.sum(submitted.stream().map(PeriodicFigures.CommuneFigures::values)
                .toList()), submitted);
        return new ProvinceSubmissions(province, from, to, submitted.size(), byName, sums);
    }

    /**
     * One submission as frozen: for the commune that sent it and the supervisor of its province; for anyone
     * else of those roles it is as missing (404).
     */
    public Submission read(CurrentUser user, UUID id) {
        requireReader(user);
        return jdbc.sql("select " + COLUMNS + " from report_submission where id = :id").param("id", id)
                .query(this::submission).optional()
                .filter(s -> mayRead(user, s))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "submission-not-found", id));
    }

    /** Every version a commune submitted for the period, first to last: how its figures were corrected. */
    public List<Submission> versions(CurrentUser user, String communeCode, LocalDate from, LocalDate to) {
        requireReader(user);
        checkPeriod(from, to);
        List<Submission> versions = jdbc.sql("select " + COLUMNS + """
                         from report_submission
                        where level = 'COMMUNE' and unit_code = :unit and period_from = :from and period_to = :to
                        order by version""")
                .param("unit", communeCode).param("from", from).param("to", to)
                .query(this::submission).list();
        boolean inScope = user.role().supervisesProvince()
                ? organisation.commune(communeCode).map(Locality::provinceCode).filter(user.provinceCode()::equals).isPresent()
                : communeCode.equals(user.localityCode());
        if (!inScope) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "submission-not-found", communeCode);
        }
        return versions;
    }

    private static void requireReader(CurrentUser user) {
        switch (user.role()) {
            case COMMUNE_OFFICER, COMMUNE_CHAIRMAN, PROVINCE_SUPERVISOR -> {
            }
            default -> throw new ApiProblem(HttpStatus.FORBIDDEN, "submissions-forbidden");
        }
    }

    private static boolean mayRead(CurrentUser user, Submission s) {
        return user.role().supervisesProvince() ? s.provinceCode().equals(user.provinceCode())
                : s.level() == ReportingLevel.COMMUNE && s.unitCode().equals(user.localityCode());
    }

    /** The reporting period: in order, and at most {@value #MAX_PERIOD_YEARS} years. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "period-reversed");
        }
        if (to.isAfter(from.plusYears(MAX_PERIOD_YEARS).minusDays(1))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "period-too-long", MAX_PERIOD_YEARS);
        }
    }

    private static String note(String correctionNote) {
        if (correctionNote == null || correctionNote.isBlank()) {
            return null;
        }
        String note = correctionNote.strip();
        if (note.length() > NOTE_MAX_LENGTH) {
            throw new InvalidFieldsProblem(List.of(new Violation("correctionNote", "max-length", NOTE_MAX_LENGTH)));
        }
        if (CONTROL.matcher(note).find()) {
            throw new InvalidFieldsProblem(List.of(new Violation("correctionNote", "control-character")));
        }
        return note;
    }

    private Submission submission(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getObject("id", UUID.class), ReportingLevel.valueOf(rs.getString("level")),
                rs.getString("unit_code"), rs.getString("province_code"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getInt("version"), fromJson(rs.getString("figures")),
                rs.getString("correction_note"), rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
    }

    private String toJson(PeriodicFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PeriodicFigures fromJson(String figures) {
        try {
            return json.readValue(figures, PeriodicFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frozen submission's figures do not read back", e);
        }
    }
}
