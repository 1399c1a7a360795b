package vn.trean.oversight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.ApiProblem;
import vn.trean.tasks.TaskRow;
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

    static final int MAX_ROWS = 2000;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkList workList;
    private final CaseFiles cases;
    private final WorkingDays workingDays;
    private final ObjectProvider<PeriodicReportsDue> periodicReports;

    Board(WorkList workList, CaseFiles cases, WorkingDays workingDays, ObjectProvider<PeriodicReportsDue> periodicReports) {
        this.workList = workList;
        this.cases = cases;
        this.workingDays = workingDays;
        this.periodicReports = periodicReports;
    }

    public enum Sort { DUE, LATE, CASE, STEP, COMMUNE }

    public record OverdueRow(String taskId, UUID caseId, String caseNumber, String communeCode, String stepKey,
                             String stepName, List<String> agencyIds, Instant dueAt, long lateSeconds) {
    }

    public record WindowRow(UUID caseId, String caseNumber, String communeCode, String stepKey, String stepName,
                            Instant windowEndsAt, long secondsLeft) {
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
     */
    public record OverdueBoard(Instant now, String communeCode, String provinceCode, List<OverdueRow> overdue,
                               List<WindowRow> inTwelveHourWindow, List<WorkList.StepCount> openByStep,
                               List<UnstaffedRow> withoutReceivingAgency, List<EmergencyRow> openEmergencies,
                               PeriodicReportDue periodicReport) {
    }

    /**
     * @param casesReceived   cases received in the period whose 12-hour window has ended
     * @param twelveHourInTime of those, the cases whose 12-hour steps were all done within 12 hours of receipt
     * @param plansApproved   cases whose plan was approved
     * @param plansInTime     of those, approved within 7 working days of the plan step opening
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
        SupervisedArea area = areaOf(user);
        Instant now = EngineClock.now();
        List<OverdueRow> overdue = workList.inArea(area.communeCode(), area.provinceCode(), true, false, now, MAX_ROWS).stream()
                .map(t -> new OverdueRow(t.taskId(), t.caseId(), t.caseNumber(), t.communeCode(), t.stepKey(), t.name(),
                        t.candidateGroups(), t.dueAt(), Duration.between(t.dueAt(), now).toSeconds()))
                .sorted(comparator(sort))
                .toList();
        List<WindowRow> window = workList.inArea(area.communeCode(), area.provinceCode(), false, true, now, MAX_ROWS).stream()
                .collect(Collectors.toMap(TaskRow::caseId, t -> t, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream()
                .map(t -> new WindowRow(t.caseId(), t.caseNumber(), t.communeCode(), t.stepKey(), t.name(),
                        t.windowEndsAt(), Duration.between(now, t.windowEndsAt()).toSeconds()))
                .sorted(Comparator.comparing(WindowRow::windowEndsAt))
                .toList();
        List<UnstaffedRow> unstaffed = workList.inAreaAtStep(area.communeCode(), area.provinceCode(),
                        CaseProcess.Step.ASSIGN_RECEIVING_AGENCY.formKey(), MAX_ROWS).stream()
                .map(t -> new UnstaffedRow(t.taskId(), t.caseId(), t.caseNumber(), t.communeCode(), t.candidateGroups(),
                        t.createdAt(), t.windowEndsAt()))
                .toList();
        return new OverdueBoard(now, area.communeCode(), area.provinceCode(), overdue, window,
                workList.countByStep(area.communeCode(), area.provinceCode()), unstaffed, openEmergencies(area, now),
                periodicReport(area, now));
    }

    private PeriodicReportDue periodicReport(SupervisedArea area, Instant now) {
        PeriodicReportsDue reports = periodicReports.getIfAvailable();
        return reports == null ? null : reports.next(area, LocalDate.ofInstant(now, VIETNAM)).orElse(null);
    }

    private List<EmergencyRow> openEmergencies(SupervisedArea area, Instant now) {
        Map<UUID, List<TaskRow>> byCase = workList.inArea(area.communeCode(), area.provinceCode(), false, false, now, MAX_ROWS)
                .stream().filter(t -> t.emergency() && CaseProcess.EMERGENCY_STEP_KEYS.contains(t.stepKey()))
                .collect(Collectors.groupingBy(TaskRow::caseId, java.util.LinkedHashMap::new, Collectors.toList()));
        return byCase.values().stream()
                .map(open -> new EmergencyRow(open.get(0).caseId(), open.get(0).caseNumber(), open.get(0).communeCode(),
                        open.stream().map(TaskRow::stepKey).distinct().toList(), open.get(0).windowEndsAt()))
                .sorted(Comparator.comparing(EmergencyRow::caseNumber))
                .toList();
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
            if (m.planApprovedAt() != null && m.planDraftOpenedAt() != null) {
                counts[2]++;
                if (!m.planApprovedAt().isAfter(workingDays.add(m.planDraftOpenedAt(), CaseProcess.PLAN_WORKING_DAYS))) {
                    counts[3]++;
                }
            }
        }
        return byCommune.entrySet().stream()
                .map(e -> new ComplianceRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    private static Comparator<OverdueRow> comparator(Sort sort) {
        return switch (sort == null ? Sort.DUE : sort) {
            case DUE -> Comparator.comparing(OverdueRow::dueAt);
            case LATE -> Comparator.comparingLong(OverdueRow::lateSeconds).reversed();
            case CASE -> Comparator.comparing(OverdueRow::caseNumber).thenComparing(OverdueRow::dueAt);
            case STEP -> Comparator.comparing(OverdueRow::stepKey).thenComparing(OverdueRow::dueAt);
            case COMMUNE -> Comparator.comparing(OverdueRow::communeCode).thenComparing(OverdueRow::dueAt);
        };
    }

    private static SupervisedArea areaOf(CurrentUser user) {
        return SupervisedArea.of(user).orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "board-forbidden"));
    }
}
