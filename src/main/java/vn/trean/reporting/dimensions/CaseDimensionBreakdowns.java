package vn.trean.reporting.dimensions;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.trean.casefile.Dimensions;
import vn.trean.reporting.StatisticsDimension;
import vn.trean.reporting.StatisticsDimension.Population;

/**
 * The breakdowns of the statistics by the dimensions the case record keeps in tables of its own (issue 10 item 1,
 * V30): the abuse environment and sub-types for the children abused; the special-circumstance groups (the
 * disabled also by severity), and of those the children helped, for every case. A child is "helped" when the case
 * has a plan measure carried out or under way.
 */
@Configuration(proxyBeanMethods = false)
class CaseDimensionBreakdowns {

    /** What a measure carried out or under way is, as {@code plan_measure.status} records it. */
    private static final String HELPED = """
            exists (select 1 from plan_measure m where m.case_id = x.case_id
                    and m.status in ('ACTIVE', 'DONE', 'PARTLY_DONE'))""";
    private static final String SPECIAL = """
            select case_id, circumstance from case_special_circumstance
            union all
            select case_id, 'DISABLED.' || disability_severity from case_classification where disability_severity is not null""";
    private static final String ANY_SPECIAL = "select distinct case_id, 'ALL' from case_special_circumstance";

    @Bean
    StatisticsDimension environmentBreakdown() {
        return new SqlDimension("environment", Population.ABUSED,
                "select case_id, environment from case_classification where environment is not null",
                labels(Dimensions.AbuseEnvironment.values()));
    }

    @Bean
    StatisticsDimension abuseSubtypeBreakdown() {
        return new SqlDimension("abuseSubtype", Population.ABUSED,
                "select case_id, abuse_form || '.' || subtype from case_abuse_subtype",
                Stream.of(Dimensions.AbuseSubtype.values()).collect(Collectors.toMap(
                        s -> s.form().name() + "." + s.name(), Dimensions.AbuseSubtype::label)));
    }

    @Bean
    StatisticsDimension perpetratorRelationBreakdown() {
        return new SqlDimension("perpetratorRelation", Population.ABUSED,
                "select case_id, perpetrator_relation from case_classification where perpetrator_relation is not null",
                labels(Dimensions.PerpetratorRelation.values()));
    }

    @Bean
    StatisticsDimension specialCircumstanceBreakdown() {
        return new SqlDimension("specialCircumstance", Population.CASES, SPECIAL, specialLabels());
    }

    @Bean
    StatisticsDimension specialCircumstanceHelpedBreakdown() {
        return new SqlDimension("specialCircumstanceHelped", Population.CASES,
                "select * from (" + SPECIAL + ") x (case_id, value) where " + HELPED, specialLabels());
    }

    @Bean
    StatisticsDimension anySpecialCircumstanceBreakdown() {
        return new SqlDimension("specialCircumstanceAny", Population.CASES, ANY_SPECIAL,
                Map.of("ALL", new Dimensions.Label("Trẻ em có hoàn cảnh đặc biệt", "Children in special circumstances")));
    }

    @Bean
    StatisticsDimension anySpecialCircumstanceHelpedBreakdown() {
        return new SqlDimension("specialCircumstanceAnyHelped", Population.CASES,
                "select * from (" + ANY_SPECIAL + ") x (case_id, value) where " + HELPED,
                Map.of("ALL", new Dimensions.Label("Được hỗ trợ, can thiệp", "Helped")));
    }

    private static Map<String, Dimensions.Label> specialLabels() {
        Map<String, Dimensions.Label> labels = new java.util.HashMap<>(labels(Dimensions.SpecialCircumstance.values()));
        for (Dimensions.DisabilitySeverity severity : Dimensions.DisabilitySeverity.values()) {
            labels.put("DISABLED." + severity.name(), new Dimensions.Label(
                    "Khuyết tật – " + severity.label().vi(), "Disabled – " + severity.label().en()));
        }
        return labels;
    }

    private static <E extends Enum<E> & Dimensions.Labelled> Map<String, Dimensions.Label> labels(E[] values) {
        return Stream.of(values).collect(Collectors.toMap(Enum::name, Dimensions.Labelled::label));
    }

    /** A breakdown by the values one SQL statement gives each case, with their labels. */
    record SqlDimension(String key, Population population, String caseValues, Map<String, Dimensions.Label> labels)
            implements StatisticsDimension {

        @Override
        public String label(String value, Locale locale) {
            Dimensions.Label label = labels.get(value);
            return label == null ? value : label.in(locale);
        }
    }
}
