package vn.trean.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * The dates of a report checked against the law and against each other, so that a slip of the
 * keyboard (a year, a month-first date) cannot start the legal deadlines from a wrong moment.
 */
@Component
class ReportDates {

    /**
     * Decree 56/2017/NĐ-CP, which sets out the case-intervention process Trẻ An runs, took effect on
     * 1 June 2017: no case of this process can have been received before.
     */
    static final LocalDate DECREE_56_IN_FORCE = LocalDate.of(2017, 6, 1);
    /** Law on Children 2016, art. 1: a child is a person under sixteen years of age. */
    static final int CHILD_AGE_LIMIT = 16;
    /** How far ahead of the server's clock a receiving point's clock may run before a time counts as future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final Duration maxReportAge;
    private final ZoneId zone;

    ReportDates(@Value("${trean.intake.max-report-age}") Duration maxReportAge,
                @Value("${trean.workflow.zone}") ZoneId zone) {
        this.maxReportAge = maxReportAge;
        this.zone = zone;
    }

    /** What is wrong with the report's dates, judged at {@code now}; empty when they are sound. */
    List<Violation> check(FileReportRequest r, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Instant receivedAt = r.receivedAt().toInstant();
        LocalDate receivedOn = receivedAt.atZone(zone).toLocalDate();
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("receivedAt", "future"));
        } else if (receivedOn.isBefore(DECREE_56_IN_FORCE)) {
            violations.add(new Violation("receivedAt", "received-before-decree-56"));
        } else if (receivedAt.isBefore(now.minus(maxReportAge)) && (r.lateReason() == null || r.lateReason().isBlank())) {
            violations.add(new Violation("receivedAt", "late-without-reason", maxReportAge.toDays()));
        }
        var child = r.child();
        if (child != null && child.dateOfBirth() != null) {
            if (child.dateOfBirth().isAfter(receivedOn)) {
                violations.add(new Violation("child.dateOfBirth", "born-after-receipt"));
            } else if (Period.between(child.dateOfBirth(), receivedOn).getYears() >= CHILD_AGE_LIMIT) {
                violations.add(new Violation("child.dateOfBirth", "child-too-old"));
            }
        }
        if (child != null && child.estimatedAge() != null && child.estimatedAge() >= CHILD_AGE_LIMIT) {
            violations.add(new Violation("child.estimatedAge", "child-too-old"));
        }
        return violations;
    }
}
