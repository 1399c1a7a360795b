package vn.trean.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.NewCase;
import vn.trean.casefile.OpenedCase;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/** Receiving a report (step S1): checks it, then opens the case and its process in one transaction. */
@Service
public class Intake {

    static final String FIRST_ROLE = "commune-officer";
    /** Who takes a report of a commune without a receiving agency and assigns one (issue 8 item 9). */
    static final String FALLBACK_ROLE = "province-supervisor";
    /** Enough for a collaborator's phone; older reports are the commune's to answer about. */
    static final int MY_REPORTS_SHOWN = 100;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Organisation organisation;
    private final UserDirectory users;
    private final CaseFiles cases;
    private final ReportDates dates;

    Intake(Organisation organisation, UserDirectory users, CaseFiles cases, ReportDates dates) {
        this.organisation = organisation;
        this.users = users;
        this.cases = cases;
        this.dates = dates;
    }

    /** Files a report: opens a case and starts its process, committed together. */
    @Transactional
    public OpenedCase file(FileReportRequest r) {
        CurrentUser user = users.requireCurrent();
        return cases.open(validated(r, user), user.username());
    }

    /**
     * Adds the report to an open case the user needs to know and judged to be about the same child,
     * instead of opening a duplicate. A case the user may not see answers as a missing one.
     */
    @Transactional
    public LinkedReport linkToCase(UUID caseId, FileReportRequest r) {
        CurrentUser user = users.requireCurrent();
        NewCase report = validated(r, user);
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        return link(caseId, report, user);
    }

    /**
     * Adds the report to the case of a possible duplicate the user was shown, whether or not they need
     * to know that case: linking gives them no access to it (the case's owners are told instead).
     */
    @Transactional
    public LinkedReport linkToMatch(UUID matchRef, FileReportRequest r) {
        CurrentUser user = users.requireCurrent();
        NewCase report = validated(r, user);
        UUID caseId = cases.caseOfMatch(matchRef, user)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "match-not-found"));
        return link(caseId, report, user);
    }

    /**
     * The case a report was added to, as its linker may know it: the number and commune the duplicate check showed.
     *
     * @param visibleCaseId the case, for a linker who needs to know it; null otherwise
     */
    public record LinkedReport(UUID visibleCaseId, String caseNumber, String communeCode, String communeName) {
    }

    /**
     * A report joins a case of its own commune; the hotline and the province department, who search the whole
     * province, may also join it to a case of another commune of the same province (issue 9 item 4).
     */
    private LinkedReport link(UUID caseId, NewCase report, CurrentUser user) {
        CaseFiles.CaseSummary target = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!report.communeCode().equals(target.communeCode())) {
            if (!report.provinceCode().equals(target.provinceCode())) {
                throw linkRefused("link-other-province");
            }
            if (!searchesWholeProvince(user, target.provinceCode())) {
                throw linkRefused("link-other-commune");
            }
        }
        cases.linkReport(caseId, report, user.username());
        return new LinkedReport(cases.isVisibleTo(caseId, user) ? caseId : null, target.caseNumber(),
                target.communeCode(), organisation.commune(target.communeCode()).map(Locality::name)
                        .orElse(target.communeCode()));
    }

    /** A 400 whose code names why, with the report's commune as the field in question. */
    private static InvalidFieldsProblem linkRefused(String reason) {
        return new InvalidFieldsProblem(HttpStatus.BAD_REQUEST, reason,
                List.of(new InvalidFieldsProblem.Violation("communeCode", reason)));
    }

    /**
     * Cases that may already be about the reported child, to show before a new case is opened. The
     * report is checked as for filing, so the caller learns of its errors at the same time.
     */
    @Transactional
    public List<CaseFiles.DuplicateCandidate> possibleDuplicates(FileReportRequest r) {
        CurrentUser user = users.requireCurrent();
        NewCase report = validated(r, user);
        if (searchesWholeProvince(user, report.provinceCode())) {
            return cases.similarChildrenInProvince(report.communeCode(), report.provinceCode(), report.child().fullName(),
                    report.child().dateOfBirth(), report.child().estimatedAge(), user);
        }
        return cases.similarChildren(report.communeCode(), report.child().fullName(), report.child().dateOfBirth(),
                report.child().estimatedAge(), user);
    }

    /**
     * The hotline (national) and the province department (of its own province) receive reports for any commune of
     * the province, so the same child may already be a case in the neighbouring commune (issue 9 item 4); a
     * commune's own staff look in, and link to, the commune of the report.
     */
    private static boolean searchesWholeProvince(CurrentUser user, String provinceCode) {
        return user.role() == Role.HOTLINE_OPERATOR
                || user.role() == Role.PROVINCE_SUPERVISOR && provinceCode.equals(user.provinceCode());
    }

    /**
     * Files a village collaborator's short report (issue 9, item 5) as a Form 01 with defaults for what the
     * short form does not ask, checked by the same rules; a refusal names the short form's fields.
     */
    @Transactional
    public OpenedCase fileQuick(QuickReportRequest q) {
        CurrentUser user = users.requireCurrent();
        if (!user.role().filesQuickReports()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-a-receiving-point");
        }
        FileReportRequest r = QuickReports.asForm01(q, communeOfQuickReport(q, user));
        NewCase report;
        try {
            report = checked(r, user);
        } catch (InvalidFieldsProblem problem) {
            throw QuickReports.renamed(problem);
        }
        return cases.open(report, user.username());
    }

    /**
     * The communes a report can be filed for today (issue 11 item 7): those with their own officer and those the
     * province department takes for them — the same two roles {@link #file} accepts a report through.
     */
    @Transactional(readOnly = true)
    public List<Organisation.ReceivingCommune> receivingCommunes() {
        return organisation.communesReceivingReports(FIRST_ROLE, FALLBACK_ROLE, LocalDate.now(VIETNAM));
    }

    /** The reports the current user filed, newest first, as a filer may know them afterwards. */
    @Transactional(readOnly = true)
    public List<FiledReport> mine() {
        CurrentUser user = users.requireCurrent();
        return cases.filedBy(user.username(), MY_REPORTS_SHOWN).stream()
                .map(f -> new FiledReport(f.caseNumber(), f.receivedAt(), f.communeCode(),
                        organisation.commune(f.communeCode()).map(Locality::name).orElse(f.communeCode()), f.stage()))
                .toList();
    }

    /** A report in its filer's list: no case id, no child, no step. */
    public record FiledReport(String caseNumber, Instant receivedAt, String communeCode, String communeName,
                              CaseFiles.FiledReportStage stage) {
    }

    /**
     * The collaborator's own commune unless they name another; never one of another province, where their
     * reports would reach agencies that do not know them. An unknown code is left to the Form 01 check.
     */
    private String communeOfQuickReport(QuickReportRequest q, CurrentUser user) {
        if (q.communeCode() == null || q.communeCode().isBlank()) {
            return user.localityCode();
        }
        organisation.commune(q.communeCode()).filter(c -> !c.provinceCode().equals(user.provinceCode()))
                .ifPresent(c -> {
                    throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("communeCode", "other-province")));
                });
        return q.communeCode();
    }

    private NewCase validated(FileReportRequest r, CurrentUser user) {
        if (!user.role().receivesReports()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-a-receiving-point");
        }
        return checked(r, user);
    }

    private NewCase checked(FileReportRequest r, CurrentUser user) {
        Instant receivedAt = r.receivedAt().toInstant();
        var wrongDates = dates.check(r, Instant.now());
        if (!wrongDates.isEmpty()) {
            throw new InvalidFieldsProblem(wrongDates);
        }
        if (r.child().dateOfBirth() == null && r.child().estimatedAge() == null) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("child.dateOfBirth", "birth-or-age")));
        }
        var classification = r.classification();
        if (!classification.violations().isEmpty()) {
            throw new InvalidFieldsProblem(classification.violations());
        }
        Locality commune = organisation.communeInService(r.communeCode())
                .orElseThrow(() -> new InvalidFieldsProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-commune",
                        List.of(new InvalidFieldsProblem.Violation("communeCode", "unknown-commune")), r.communeCode()));
        LocalDate today = LocalDate.now(VIETNAM);
        // A commune without its officer is no reason to refuse what the user typed: the province department
        // assigns a receiving agency. Only a report that would reach nobody at all is refused.
        if (organisation.agencyForRole(FIRST_ROLE, commune.code(), commune.provinceCode(), today).isEmpty()
                && organisation.agencyForRole(FALLBACK_ROLE, commune.code(), commune.provinceCode(), today).isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "commune-not-served", commune.code(), commune.name());
        }
        var child = r.child();
        return new NewCase(commune.code(), commune.provinceCode(), receivedAt, user.agencyId(), user.username(),
                r.channel(), r.category(), r.abuseForms() == null ? List.of() : r.abuseForms(),
                new NewCase.Child(child.fullName(), child.dateOfBirth(), child.estimatedAge(), child.sex()),
                r.place(), r.currentCondition(), r.likelyConsequence(), r.familySituation(), r.parentsAsRecorded(),
                r.actionsTaken(), r.informantAsRecorded(), r.hotlineReference(),
                r.lateReason() == null || r.lateReason().isBlank() ? null : r.lateReason().trim(),
                classification.normalised());
    }
}
