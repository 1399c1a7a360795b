package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import vn.trean.ApiIntegrationTest;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.reporting.ReportSubmissions.CommuneStatus;
import vn.trean.reporting.document.ReportDocument;
import vn.trean.reporting.document.XlsxReportWriter;
import vn.trean.reporting.periodic.PeriodicFigures;
import vn.trean.reporting.periodic.PeriodicReportLayout;

/**
 * Submitting a commune's report figures: frozen as submitted, corrections as new versions with their reason,
 * the province's view of who submitted and the sums, and who may do what. Each test uses a period of its own.
 */
class ReportSubmissionsIntegrationTests extends ApiIntegrationTest {

    private static final String COMMUNE_C = "00025";

    @Autowired
    private ReportSubmissions submissions;
    @Autowired
    private UserDirectory users;
    @Autowired
    private MessageSource messages;
    @Autowired
    private ReportCalendar calendar;

    private CurrentUser user(String username) {
        return users.find(username).orElseThrow();
    }

    private static PeriodicFigures figures(Map<String, Long> values) {
        return PeriodicFigures.of(values);
    }

    @Test
    void aSubmissionIsKeptExactlyAsSubmittedAndTheDatabaseRefusesToChangeIt() {
        LocalDate from = LocalDate.of(2031, 1, 1);
        LocalDate to = LocalDate.of(2031, 6, 30);

        var sent = submissions.submit(user("officer"), COMMUNE_A, from, to,
                figures(Map.of("0101", 3L, "0101.sex.FEMALE", 2L, "cases", 2L)), null);

        var read = submissions.read(user("officer"), sent.id());
        assertThat(read).isEqualTo(sent);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.correctionNote()).isNull();
        assertThat(read.submittedBy()).isEqualTo("officer");
        assertThat(read.provinceCode()).isEqualTo("01");
        assertThat(read.figures().value("0101.sex.FEMALE")).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("update report_submission set figures = '{}' where id = ?").param(sent.id()).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
        assertThatThrownBy(() -> jdbc.sql("delete from report_submission where id = ?").param(sent.id()).update())
                .isInstanceOf(DataAccessException.class);
        assertThat(submissions.read(user("officer"), sent.id())).isEqualTo(sent);
    }

    @Test
    void aLaterSubmissionForTheSamePeriodIsANewVersionAndNeedsACorrectionNote() {
        LocalDate from = LocalDate.of(2032, 1, 1);
        LocalDate to = LocalDate.of(2032, 12, 31);
        var first = submissions.submit(user("officer"), COMMUNE_A, from, to, figures(Map.of("0101", 3L)), null);

        for (String missing : new String[] {null, "   "}) {
            assertThatThrownBy(() -> submissions.submit(user("chairman"), COMMUNE_A, from, to, figures(Map.of("0101", 4L)),
                    missing))
                    .isInstanceOfSatisfying(InvalidFieldsProblem.class, problem -> {
                        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(problem.code()).isEqualTo("submission-frozen");
                        assertThat(problem.violations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("correctionNote"));
                        assertThat(messages.getMessage("problem.submission-frozen.detail", problem.args(), Locale.forLanguageTag("vi")))
                                .contains("lần 1").contains("lần 2");
                    });
        }

        var second = submissions.submit(user("chairman"), COMMUNE_A, from, to, figures(Map.of("0101", 4L)),
                "Bổ sung 1 trẻ em của vụ việc xác minh muộn");

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.correctionNote()).isEqualTo("Bổ sung 1 trẻ em của vụ việc xác minh muộn");
        assertThat(submissions.versions(user("officer"), COMMUNE_A, from, to))
                .extracting(ReportSubmissions.Submission::version, s -> s.figures().value("0101"))
                .containsExactly(tuple(1, 3L), tuple(2, 4L));
        assertThat(submissions.read(user("officer"), first.id()).figures().value("0101")).as("version 1 unchanged").isEqualTo(3);
        assertThat(submissions.submit(user("officer"), COMMUNE_A, from, to, figures(Map.of("0101", 5L)), "Sửa lần nữa")
                .version()).isEqualTo(3);
    }

    @Test
    void theProvinceSupervisorSeesWhoHasSubmittedAndTheSumOfTheLatestVersions() {
        LocalDate from = LocalDate.of(2033, 1, 1);
        LocalDate to = LocalDate.of(2033, 6, 30);
        submissions.submit(user("officer"), COMMUNE_A, from, to, figures(Map.of("0101", 3L, "cases", 3L)), null);
        submissions.submit(user("officer"), COMMUNE_A, from, to, figures(Map.of("0101", 4L, "cases", 3L)), "Thêm 1 trẻ em");
        submissions.submit(user("officer.ngocha"), COMMUNE_B, from, to,
                figures(Map.of("0101", 5L, "special", 2L, "special.supported", 1L)), null);
        submissions.submit(user("officer.ngocha"), COMMUNE_B, from, to.minusDays(1), figures(Map.of("0101", 100L)), null);

        var province = submissions.forProvince(user("supervisor"), from, to);

        assertThat(province.provinceCode()).isEqualTo("01");
        assertThat(province.submitted()).isEqualTo(2);
        Map<String, CommuneStatus> byCode = new HashMap<>();
        province.communes().forEach(c -> byCode.put(c.communeCode(), c));
        assertThat(byCode.get(COMMUNE_A).latest().version()).isEqualTo(2);
        assertThat(byCode.get(COMMUNE_B).submitted()).isTrue();
        assertThat(byCode.get(COMMUNE_C).submitted()).as("a commune that has not submitted is listed").isFalse();
        assertThat(byCode.get(COMMUNE_C).communeName()).isNotBlank();
        PeriodicFigures sums = province.submittedFigures();
        assertThat(sums.value("0101")).as("latest versions only, this period only").isEqualTo(9);
        assertThat(sums.value("cases")).isEqualTo(3);
        assertThat(sums.value("special.supported")).isEqualTo(1);
        assertThat(sums.communes()).extracting(PeriodicFigures.CommuneFigures::communeCode)
                .containsExactlyInAnyOrder(COMMUNE_A, COMMUNE_B);

        var frame = new ReportDocument.Frame(new ReportDocument.Issuer("UBND thành phố Hà Nội", "Sở Y tế", null), "Hà Nội",
                LocalDate.of(2033, 5, 20), ReportDocument.Marking.RESTRICTED, List.of("Bộ Y tế"),
                new ReportDocument.Signer(null, "GIÁM ĐỐC", null));
        var document = PeriodicReportLayout.document(frame, ReportKind.SIX_MONTHS, 2033, from, to, sums);
        assertThat(document.tables()).hasSize(5);
        assertThat(new XlsxReportWriter().write(document)).isNotEmpty();
    }

    @Test
    void onlyACommunesOwnOfficerOrChairmanSubmitsAndOnlyTheProvinceSupervisorLists() {
        LocalDate from = LocalDate.of(2034, 1, 1);
        LocalDate to = LocalDate.of(2034, 6, 30);
        var figures = figures(Map.of("0101", 1L));

        assertProblem(() -> submissions.submit(user("officer"), COMMUNE_B, from, to, figures, null),
                HttpStatus.FORBIDDEN, "submission-forbidden");
        for (String other : List.of("police", "teacher", "supervisor", "admin", "hotline", "ctv.badinh")) {
            CurrentUser caller = user(other);
            assertProblem(() -> submissions.submit(caller, caller.localityCode(), from, to, figures, null),
                    HttpStatus.FORBIDDEN, "submission-forbidden");
        }
        for (String other : List.of("officer", "chairman", "police", "admin", "owner", "admin.hanoi")) {
            assertProblem(() -> submissions.forProvince(user(other), from, to), HttpStatus.FORBIDDEN, "submissions-forbidden");
        }

        var sent = submissions.submit(user("officer"), COMMUNE_A, from, to, figures, null);
        assertThat(submissions.read(user("chairman"), sent.id()).id()).isEqualTo(sent.id());
        assertThat(submissions.read(user("supervisor"), sent.id()).id()).isEqualTo(sent.id());
        assertProblem(() -> submissions.read(user("officer.ngocha"), sent.id()), HttpStatus.NOT_FOUND, "submission-not-found");
        assertProblem(() -> submissions.read(user("police"), sent.id()), HttpStatus.FORBIDDEN, "submissions-forbidden");
        assertProblem(() -> submissions.versions(user("officer.ngocha"), COMMUNE_A, from, to), HttpStatus.NOT_FOUND,
                "submission-not-found");
        assertThat(submissions.versions(user("supervisor"), COMMUNE_A, from, to)).hasSize(1);
        assertThat(submissions.forProvince(user("supervisor"), from, to).submitted()).isEqualTo(1);
    }

    @Test
    void aReversedOrOverlongPeriodAndAnOverlongNoteAreRefused() {
        assertProblem(() -> submissions.submit(user("officer"), COMMUNE_A, LocalDate.of(2035, 6, 30),
                LocalDate.of(2035, 1, 1), figures(Map.of()), null), HttpStatus.BAD_REQUEST, "period-reversed");
        assertProblem(() -> submissions.forProvince(user("supervisor"), LocalDate.of(2030, 1, 1),
                LocalDate.of(2035, 1, 1)), HttpStatus.BAD_REQUEST, "period-too-long");
        assertThat(submissions.forProvince(user("supervisor"), LocalDate.of(2030, 1, 1), LocalDate.of(2034, 12, 31))
                .periodTo()).as("5 years exactly").isEqualTo(LocalDate.of(2034, 12, 31));
        assertProblem(() -> submissions.submit(user("officer"), COMMUNE_A, LocalDate.of(2035, 1, 1),
                LocalDate.of(2035, 6, 30), figures(Map.of()), "x".repeat(2001)), HttpStatus.BAD_REQUEST, "invalid-fields");
    }

    @Test
    void theCalendarComesFromTheConfigurationWithProcedureDefaults() {
        assertThat(calendar.next(LocalDate.of(2026, 5, 21)))
                .extracting(ReportCalendar.DueReport::dueOn)
                .containsExactly(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 11, 15));
        assertThat(calendar.ofYear(ReportingLevel.COMMUNE, 2026)).extracting(ReportCalendar.DueReport::dueOn)
                .containsExactly(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 11, 20));
    }

    private static void assertProblem(ThrowingCallable call, HttpStatus status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.code()).isEqualTo(code);
        });
    }
}
