package vn.trean.reporting;

/**
 * A further breakdown of the figures by a dimension of the case record kept in a table of its own, one row per
 * case and value (issue 10 item 1: abuse sub-types, the abuse environment, the special-circumstance groups). Each
 * bean of this type adds {@code dimensions.<key>} to every {@link StatisticsReport}: per value, the cases of the
 * scope and period that have it and their children, each child once.
 *
 * <p>For example, an abuse environment kept as {@code case_environment(case_id, environment)}:
 * <pre>{@code
 * @Component
 * class EnvironmentDimension implements StatisticsDimension {
 *     public String key() { return "environment"; }
 *     public String caseValues() { return "select case_id, environment from case_environment"; }
 *     public Population population() { return Population.ABUSED; }
 * }
 * }</pre>
 *
 * <p>The counts per value are kept per commune and month like the other figures (V46, {@code StatisticsQueries}):
 * the table a dimension reads needs the trigger {@code statistics_mark_dimension_months} of V46, so that a change
 * marks its months to be counted again.
 */
public interface StatisticsDimension {

    /** Which cases a dimension breaks down. */
    enum Population {
        /** the cases of children abused (as verification found, else as reported): abuse sub-types, environment */
        ABUSED,
        /** every case (reports found unfounded left out): special-circumstance groups, support given */
        CASES
    }

    /** The breakdown's name in the report, e.g. {@code environment}. */
    String key();

    /** SQL that selects two columns, a case's id and one of its values: a case with two values gives two rows. */
    String caseValues();

    Population population();

    /** A value's name for the reader (the page shows it); the value itself by default. */
    default String label(String value, java.util.Locale locale) {
        return value;
    }
}
