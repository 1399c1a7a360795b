package vn.trean.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.ApiProblem;
import vn.trean.tasks.WorkList;
import vn.trean.workflow.CaseProcess;
import vn.trean.workflow.EngineClock;
import vn.trean.workflow.WorkingDays;

/**
 * The supervisors' overdue board: every overdue step of their area, the cases inside their 12-hour
 * window, open cases by step, and deadline compliance for a period. A province supervisor sees the
 * province; a commune chairman or officer their commune.
 */
@Service
@Transactional(readOnly = true)
public class Board {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkList workList;
    private final BoardLists lists;
    private final CaseFiles cases;
    private final WorkingDays workingDays;
    private final ObjectProvider<PeriodicReportsDue> periodicReports;

    Board(WorkList workList, BoardLists lists, CaseFiles cases, WorkingDays workingDays,
          ObjectProvider<PeriodicReportsDue> periodicReports) {
        this.workList = workList;
        this.lists = lists;
        this.cases = cases;
        this.workingDays = workingDays;
        this.periodicReports = periodicReports;
    }

    public enum Sort { DUE, LATE, CASE, STEP, COMMUNE }

    public record OverdueRow(String taskId, UUID caseId, String caseNumber, String communeCode, String stepKey,
                             String stepName, List<String> agencyIds, Instant dueAt, long lateSeconds,
                             boolean emergency) {
    }

    /** A case inside its 12-hour window: where it is, who has it (its step's agencies), whether it is an emergency. */
    public record WindowRow(UUID caseId, String caseNumber, String communeCode, String stepKey, String stepName,
                            Instant windowEndsAt, long secondsLeft, List<String> agencyIds, boolean emergency) {
    }

    /**
     * A case whose commune had no receiving agency at receipt (issue 8 item 9), waiting for the province
     * department to assign one; its 12-hour window runs meanwhile.
     */
    public record UnstaffedRow(String taskId, UUID caseId, String caseNumber, String communeCode, List<String> agencyIds,
                               Instant since, Instant windowEndsAt) {
    }

    /** An emergency case whose emergency measures are not all done, with the steps still open. */
    public record EmergencyRow(UUID caseId, String caseNumber, String communeCode, List<String> openStepKeys,
                               Instant windowEndsAt) {
    }

    /**
     * @param withoutReceivingAgency cases of communes without a receiving agency ("xã chưa có cơ quan tiếp
     *                               nhận"), each waiting for the province to assign one
     * @param openEmergencies        emergency cases reported upward whose emergency measures are still open
     * @param periodicReport         the next periodic report the area owes, with whether it was submitted; null when
     *                               the reporting calendar is not there to ask
     * @param counts                 how many rows each list has in all (the lists hold one page)
     * @param page                   the page of {@code overdue}, from 0, of {@code size} rows
     * @param windowPage             the page of {@code inTwelveHourWindow}, from 0, of {@code size} rows
     */
    public record OverdueBoard(Instant now, String communeCode, String provinceCode, List<OverdueRow> overdue,
                               List<WindowRow> inTwelveHourWindow, List<WorkList.StepCount> openByStep,
                               List<UnstaffedRow> withoutReceivingAgency, List<EmergencyRow> openEmergencies,
                               PeriodicReportDue periodicReport, Counts counts, int page, int windowPage, int size,
                               Sort sort, BoardQuery.Filter filter) {

        public int overduePages() {
            return (int) Math.max(1, (counts.overdue() + size - 1) / size);
        }

        public int windowPages() {
            return (int) Math.max(1, (counts.inTwelveHourWindow() + size - 1) / size);
        }
    }

    /** The size of each list of the board, of which the board carries a page. */
    public record Counts(long overdue, long inTwelveHourWindow, long withoutReceivingAgency, long openEmergencies) {
    }

    /**
     * @param casesReceived   cases received in the period whose 12-hour window has ended
     * @param twelveHourInTime of those, the cases whose 12-hour steps were all done within 12 hours of receipt
     * @param plansApproved   cases whose plan was approved
     * @param plansInTime     of those, approved within 7 working days of the end of verification (the plan clock)
     */
    public record ComplianceRow(String communeCode, int casesReceived, int twelveHourInTime, int plansApproved,
                                int plansInTime) {

        public Double twelveHourShare() {
            return casesReceived == 0 ? null : (double) twelveHourInTime / casesReceived;
        }

        public Double planShare() {
            return plansApproved == 0 ? null : (double) plansInTime / plansApproved;
        }
    }

    public OverdueBoard board(CurrentUser user, Sort sort) {
        return board(user, BoardQuery.sortedBy(sort));
    }

    /** A page of each list of the user's area, with its count; the other lists capped at the same size. */
    public OverdueBoard board(CurrentUser user, BoardQuery query) {
        SupervisedArea area = areaOf(user);
        Instant now = EngineClock.now();
        var overdue = lists.overdue(area, query, now);
        var window = lists.window(area, query, now);
        var unstaffed = lists.unstaffed(area, query.size());
        var emergencies = lists.openEmergencies(area, query.size());
        return new OverdueBoard(now, area.communeCode(), area.provinceCode(), overdue.rows(), window.rows(),
                lists.countByStep(area), unstaffed.rows(), emergencies.rows(), periodicReport(area, now),
                new Counts(overdue.total(), window.total(), unstaffed.total(), emergencies.total()),
                query.page(), query.windowPage(), query.size(), query.sort(), query.filter());
    }

    /** Refuses (403) whoever oversees no area: before their request's parameters are read, so those tell them nothing. */
    public void requireBoard(CurrentUser user) {
        areaOf(user);
    }

    /** The overdue steps of the user's area for an export: the filter and order of the board, at most {@code limit} rows. */
    public List<OverdueRow> overdueForExport(CurrentUser user, BoardQuery.Filter filter, Sort sort, int limit) {
        return lists.overdueAll(areaOf(user), filter, sort == null ? Sort.DUE : sort, EngineClock.now(), limit);
    }

    private PeriodicReportDue periodicReport(SupervisedArea area, Instant now) {
        PeriodicReportsDue reports = periodicReports.getIfAvailable();
        return reports == null ? null : reports.next(area, LocalDate.ofInstant(now, VIETNAM)).orElse(null);
    }

    /** How many open tasks of the user's area have a deadline computed without the holidays of a year, per year. */
    public Map<Integer, Integer> deadlinesWithoutHolidays(CurrentUser user) {
        SupervisedArea area = areaOf(user);
        return workList.deadlinesWithoutHolidays(area.communeCode(), area.provinceCode());
    }

    /** Deadline compliance by commune for the cases received from {@code from} to {@code to}, both inclusive (Vietnam dates). */
    public List<ComplianceRow> compliance(CurrentUser user, LocalDate from, LocalDate to) {
        SupervisedArea area = areaOf(user);
        if (to.isBefore(from)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "period-reversed");
        }
        Instant now = EngineClock.now();
        var milestones = cases.milestones(area.communeCode(), area.provinceCode(), from.atStartOfDay(VIETNAM).toInstant(),
                to.plusDays(1).atStartOfDay(VIETNAM).toInstant(), CaseProcess.TWELVE_HOUR_STEP_KEYS);
        Map<String, int[]> byCommune = new TreeMap<>();
        for (var m : milestones) {
            int[] counts = byCommune.computeIfAbsent(m.communeCode(), c -> new int[4]);
            Instant windowEnds = m.receivedAt().plus(CaseProcess.TWELVE_HOUR_SPAN);
            if (!windowEnds.isAfter(now)) {
                counts[0]++;
                if (m.windowStepsDoneAt() != null && !m.windowStepsDoneAt().isAfter(windowEnds)) {
                    counts[1]++;
                }
            }
            // an ordinary plan approved: on time when within the 5 + 2 working days from the end of verification
            if (m.planApprovedAt() != null && m.planDraftOpenedAt() != null && m.verifiedAt() != null) {
                counts[2]++;
                if (!m.planApprovedAt().isAfter(workingDays.add(m.verifiedAt(), CaseProcess.PLAN_WORKING_DAYS))) {
                    counts[3]++;
                }
            }
        }
        return byCommune.entrySet().stream()
                .map(e -> new ComplianceRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    private static SupervisedArea areaOf(CurrentUser user) {
        return SupervisedArea.of(user).orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "board-forbidden"));
    }
}
