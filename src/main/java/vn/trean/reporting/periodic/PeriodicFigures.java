package vn.trean.reporting.periodic;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of one periodic report: indicator code → count, for the reporting unit as a whole, and for a
 * province optionally the same per commune. Kept apart from how they are counted, so that a report can be
 * laid out from the case record's statistics or from what communes submitted. {@link PeriodicReportLayout#codes()}
 * lists every code the report reads; a code it does not know is carried along and ignored. The codes:
 * <ul>
 *   <li>{@code 0101} children abused (Circular 13/2021 indicator 0101), then by {@code 0101.sex.<MALE|FEMALE|UNKNOWN>},
 *       {@code 0101.age.<UNDER_6|6_TO_11|11_TO_16>}, {@code 0101.form.<FORM>} and {@code 0101.form.<FORM>.<SUB_TYPE>},
 *       {@code 0101.environment.<ENVIRONMENT>};</li>
 *   <li>{@code special} children in special circumstances, {@code special.<GROUP>} per group (and
 *       {@code special.DISABLED.<SEVERITY>}), each with {@code .supported} for those helped;</li>
 *   <li>{@code reports.received|verified|not-a-case}, {@code cases}, {@code cases.handling.<CRIMINAL|ADMINISTRATIVE|NONE|PENDING>};</li>
 *   <li>{@code deadline.12h.cases|met}, {@code deadline.plan.cases|met}, {@code deadline.breaches}.</li>
 * </ul>
 * Children are counted once each however many cases they are in; cases once each.
 *
 * @param values   code → count for the whole unit (a child in two communes of a province counts once)
 * @param communes for a province, each commune's own figures; empty otherwise
 */
public record PeriodicFigures(Map<String, Long> values, List<CommuneFigures> communes) {

    public PeriodicFigures {
        values = counts(values);
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    public static PeriodicFigures of(Map<String, Long> values) {
        return new PeriodicFigures(values, List.of());
    }

    /** The count of {@code code}; 0 when it is not given. */
    public long value(String code) {
        return values.getOrDefault(code, 0L);
    }

    /** One commune's figures, named for the report. */
    public record CommuneFigures(String communeCode, String communeName, Map<String, Long> values) {

        public CommuneFigures {
            Objects.requireNonNull(communeCode, "communeCode");
            values = counts(values);
        }

        public long value(String code) {
            return values.getOrDefault(code, 0L);
        }
    }

    /** Code by code, the sum of several units' figures (what a province adds up from its communes). */
    public static Map<String, Long> sum(Collection<Map<String, Long>> figures) {
        Map<String, Long> sum = new TreeMap<>();
        figures.forEach(f -> f.forEach((code, value) -> sum.merge(code, value, Long::sum)));
        return sum;
    }

    private static Map<String, Long> counts(Map<String, Long> values) {
        Map<String, Long> sorted = new TreeMap<>();
        (values == null ? Map.<String, Long>of() : values).forEach((code, value) -> {
            if (code == null || code.isBlank() || value == null || value < 0) {
                throw new IllegalArgumentException("a count needs a code and a value of 0 or more: " + code + "=" + value);
            }
            sorted.put(code, value);
        });
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
