package vn.trean.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The figures of a scope for the cases received from {@code from} to {@code to} (Vietnam dates, both included),
 * as the case record stood at {@code asOf}: what the statistics page shows and the periodic reports are built on.
 *
 * <p>Cases and children are counted apart: a child in two cases of the period is one child (identified as
 * {@code statistics_child_key} in V32 says). A case counts in the period of its receipt, with its status, level and
 * outcome as they are now. A report that verification found unfounded and the chairman closed is "verified, not a
 * case": it counts among the reports, never among the cases or the children.
 *
 * @param communes        one row per commune with cases in the period, by name (the commune's own row for a commune)
 * @param legacyDistricts for a period that begins before the 2025 reform (1 July 2025): the province's cases received
 *                        before it, rolled up by the legacy district of their commune; empty otherwise
 * @param dimensions      further breakdowns ({@link StatisticsDimension}), by their key
 */
public record StatisticsReport(StatisticsScope scope, LocalDate from, LocalDate to, Instant asOf, Reports reports,
                               Cases cases, Children children, Compliance compliance,
                               List<AgencyBreaches> breachesByAgency, List<MonthRow> trend, List<AreaRow> communes,
                               List<AreaRow> legacyDistricts, Map<String, List<DimensionCount>> dimensions) {

    /** The first day of the two-tier administration (communes directly under provinces). */
    public static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);

    /**
     * @param received  reports received: those that opened a case and those linked to an existing case
     * @param linked    of {@code received}, the reports linked to an existing case
     * @param verified  cases whose verification is done
     * @param notACase  reports verification found unfounded, closed as "verified, not a case"
     */
    public record Reports(int received, int linked, int verified, int notACase) {
    }

    /** The cases (reports found unfounded left out), by protection level and by how a crime report was handled. */
    public record Cases(int total, int open, int closed, int emergency, Map<ProtectionLevel, Integer> byProtectionLevel,
                        Map<HandlingOutcome, Integer> byHandlingOutcome) {
    }

    /**
     * @param children          every child of the cases, each once
     * @param abused            the children abused (as verification found, else as reported), each once
     * @param abusedBySex       the children abused by sex, as recorded at their first case of the period
     * @param abusedByAgeGroup  the children abused by their age at their first case of the period
     * @param abusedByForm      the children abused by form of abuse: a child abused in two forms counts under both
     */
    public record Children(int children, int abused, Map<Sex, Integer> abusedBySex,
                           Map<AgeGroup, Integer> abusedByAgeGroup, Map<String, Integer> abusedByForm) {
    }

    /**
     * Deadline compliance, counted as the board counts it.
     *
     * @param twelveHourDue    cases whose 12-hour window has ended
     * @param twelveHourInTime of those, the cases whose 12-hour steps were all done within 12 hours of receipt
     * @param plansApproved    cases (not emergencies) whose plan was approved
     * @param plansInTime      of those, approved within 7 working days of the plan step opening
     */
    public record Compliance(int twelveHourDue, int twelveHourInTime, int plansApproved, int plansInTime) {

        public Double twelveHourShare() {
            return twelveHourDue == 0 ? null : (double) twelveHourInTime / twelveHourDue;
        }

        public Double planShare() {
            return plansApproved == 0 ? null : (double) plansInTime / plansApproved;
        }
    }

    /**
     * Deadlines an agency missed for the cases of the period (the breaches oversight records).
     *
     * @param open  of {@code breaches}, the steps still not done
     * @param cases the cases with at least one of them
     */
    public record AgencyBreaches(String agencyId, String agencyName, int breaches, int open, int cases) {
    }

    /** One month of the trend: reports received, cases, children abused (each once in the month). */
    public record MonthRow(YearMonth month, int received, int cases, int childrenAbused) {
    }

    /**
     * A commune's (or a legacy district's) figures. {@code code} and {@code name} are null for the communes whose
     * legacy district is not known.
     */
    public record AreaRow(String code, String name, int received, int verified, int notACase, int cases, int children,
                          int childrenAbused, Compliance compliance, Map<HandlingOutcome, Integer> byHandlingOutcome) {
    }

    /** One value of a further breakdown: its cases and its children (each once). */
    public record DimensionCount(String value, int cases, int children) {
    }

    /** The protection level the case meeting decided (Decree 56, art. 22–24); not decided before the meeting. */
    public enum ProtectionLevel {
        PREVENTION("prevention"), SUPPORT("support"), INTERVENTION("intervention"), NOT_DECIDED(null);

        private final String recorded;

        ProtectionLevel(String recorded) {
            this.recorded = recorded;
        }

        /** The value the case meeting's form records. */
        public String recorded() {
            return recorded;
        }
    }

    /** How a crime report was handled (V28); a case no crime was indicated in is {@link #NOT_REFERRED}. */
    public enum HandlingOutcome { PROSECUTED, ADMINISTRATIVE_SANCTION, NONE, PENDING, NOT_REFERRED }

    public enum Sex { MALE, FEMALE, UNKNOWN }

    /** Age at receipt, in whole years: from the date of birth, else the estimate. */
    public enum AgeGroup {
        UNDER_6(0, 6), FROM_6_TO_10(6, 11), FROM_11_TO_15(11, 16), FROM_16_TO_17(16, 18), UNKNOWN(-1, -1);

        private final int from;
        private final int below;

        AgeGroup(int from, int below) {
            this.from = from;
            this.below = below;
        }

        /** The first age of the group. */
        public int from() {
            return from;
        }

        /** The first age after the group. */
        public int below() {
            return below;
        }
    }

    /** The forms of abuse a report records (Form 01), in the order the reports list them. */
    public static final List<String> ABUSE_FORMS =
            List.of("VIOLENCE", "EXPLOITATION", "SEXUAL_ABUSE", "TRAFFICKING", "ABANDONMENT", "OTHER");
}
