package vn.trean.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.reporting.ReportSubmissions;
import vn.trean.reporting.ReportSubmissions.ProvinceSubmissions;
import vn.trean.reporting.ReportSubmissions.Submission;
import vn.trean.reporting.StatisticsScope;
import vn.trean.reporting.PeriodicReports;

/**
 * The periodic report's part of the statistics page (issue 10 item 3): the report of the shown scope and period as
 * XLSX and PDF; for a commune's officer and chairman, submitting the figures (a correction note once submitted) and
 * the versions sent; for the province supervisor, which communes have submitted.
 */
@Controller("periodicReportPages")
class PeriodicReportPages {

    private final PeriodicReports reports;
    private final ReportSubmissions submissions;
    private final UserDirectory users;
    private final MessageSource messages;

    PeriodicReportPages(PeriodicReports reports, ReportSubmissions submissions, UserDirectory users,
                        MessageSource messages) {
        this.reports = reports;
        this.submissions = submissions;
        this.users = users;
        this.messages = messages;
    }

    /**
     * What the panel shows.
     *
     * @param downloadQuery the query of the report's download links ({@code from}, {@code to}, the commune)
     * @param maySubmit     the user submits this commune's figures
     * @param versions      this commune's submissions for the period, first to last (commune staff)
     * @param province      who of the province has submitted (the province supervisor over the whole province)
     */
    record Panel(String downloadQuery, boolean maySubmit, List<Submission> versions, ProvinceSubmissions province) {

        public Submission latest() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }
    }

    Panel panel(CurrentUser me, StatisticsScope scope, LocalDate from, LocalDate to, boolean provinceStaff) {
        String query = UriComponentsBuilder.newInstance().queryParam("from", from).queryParam("to", to)
                .queryParamIfPresent("commune", java.util.Optional.ofNullable(provinceStaff ? scope.communeCode() : null))
                .build().getQuery();
        boolean communeStaff = me.role() == Role.COMMUNE_OFFICER || me.role() == Role.COMMUNE_CHAIRMAN;
        List<Submission> versions = communeStaff && scope.isCommune()
                ? submissions.versions(me, scope.communeCode(), from, to) : List.of();
        ProvinceSubmissions province = me.role().supervisesProvince() && me.provinceCode() != null && !scope.isCommune()
                ? submissions.forProvince(me, from, to) : null;
        return new Panel(query, communeStaff && scope.isCommune(), versions, province);
    }

    @PostMapping("/statistics/submissions")
    String submit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String correctionNote, RedirectAttributes flash) {
        try {
            Submission submission = reports.submit(users.requireCurrent(), from, to, correctionNote);
            flash.addFlashAttribute("submissionNotice", messages.getMessage("periodic.submitted",
                    new Object[] {submission.version()}, LocaleContextHolder.getLocale()));
        } catch (ApiProblem problem) {
            if (problem.status().value() == 403) {
                throw problem;
            }
            flash.addFlashAttribute("submissionProblem", describe(problem));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/statistics").queryParam("from", from)
                .queryParam("to", to).build().toUriString() + "#periodic";
    }

    private String describe(ApiProblem problem) {
        return ProblemSentence.of(messages, problem, null);
    }
}
