package vn.trean.workflow;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.trean.casefile.Classification;
import vn.trean.casefile.Dimensions.AbuseEnvironment;
import vn.trean.casefile.Dimensions.AbuseForm;
import vn.trean.casefile.Dimensions.AbuseSubtype;
import vn.trean.casefile.Dimensions.DisabilitySeverity;
import vn.trean.casefile.Dimensions.PerpetratorAgeGroup;
import vn.trean.casefile.Dimensions.PerpetratorRelation;
import vn.trean.casefile.Dimensions.PerpetratorSex;
import vn.trean.casefile.Dimensions.SpecialCircumstance;

/**
 * The classification fields of the verification and assessment forms ({@code forms/verify_report.form},
 * {@code forms/assess_needs.form}): their keys, and their values (the codes in lower case) to and from a
 * {@link Classification}. Stored in the case tables by {@link StepEffects}, never as process variables.
 */
final class ClassificationFields {

    static final String ABUSE_FORMS = "abuseForms";
    static final String ABUSE_SUBTYPES = "abuseSubtypes";
    static final String SPECIAL_CIRCUMSTANCES = "specialCircumstances";
    static final String DISABILITY_SEVERITY = "disabilitySeverity";
    static final String ENVIRONMENT = "environment";
    static final String PERPETRATOR_RELATION = "perpetratorRelation";
    static final String PERPETRATOR_AGE_GROUP = "perpetratorAgeGroup";
    static final String PERPETRATOR_SEX = "perpetratorSex";

    static final List<String> KEYS = List.of(ABUSE_FORMS, ABUSE_SUBTYPES, SPECIAL_CIRCUMSTANCES, DISABILITY_SEVERITY,
            ENVIRONMENT, PERPETRATOR_RELATION, PERPETRATOR_AGE_GROUP, PERPETRATOR_SEX);

    private ClassificationFields() {
    }

    /**
     * Whether a form's values carry the classification. The form shows the case's current values: once any field
     * comes back, the fields form the whole classification (an empty one was cleared); none at all (an API client
     * that left them out) leaves the case's classification as it is.
     */
    static boolean present(Map<String, Object> values) {
        return KEYS.stream().anyMatch(values::containsKey);
    }

    static Classification from(Map<String, Object> values) {
        return new Classification(list(values, ABUSE_FORMS, AbuseForm::valueOf),
                list(values, ABUSE_SUBTYPES, AbuseSubtype::valueOf),
                list(values, SPECIAL_CIRCUMSTANCES, SpecialCircumstance::valueOf),
                one(values, DISABILITY_SEVERITY, DisabilitySeverity::valueOf),
                one(values, ENVIRONMENT, AbuseEnvironment::valueOf),
                new Classification.Perpetrator(one(values, PERPETRATOR_RELATION, PerpetratorRelation::valueOf),
                        one(values, PERPETRATOR_AGE_GROUP, PerpetratorAgeGroup::valueOf),
                        one(values, PERPETRATOR_SEX, PerpetratorSex::valueOf)));
    }

    /** The form values of a classification: what the form shows filled in. */
    static Map<String, Object> of(Classification classification) {
        Classification c = classification.normalised();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ABUSE_FORMS, codes(c.abuseForms()));
        values.put(ABUSE_SUBTYPES, codes(c.abuseSubtypes()));
        values.put(SPECIAL_CIRCUMSTANCES, codes(c.specialCircumstances()));
        put(values, DISABILITY_SEVERITY, c.disabilitySeverity());
        put(values, ENVIRONMENT, c.environment());
        put(values, PERPETRATOR_RELATION, c.perpetrator().relation());
        put(values, PERPETRATOR_AGE_GROUP, c.perpetrator().ageGroup());
        put(values, PERPETRATOR_SEX, c.perpetrator().sex());
        return values;
    }

    private static <E> List<E> list(Map<String, Object> values, String key, Function<String, E> parse) {
        return values.get(key) instanceof Collection<?> codes
                ? codes.stream().map(code -> parse.apply(code.toString().toUpperCase(Locale.ROOT))).toList()
                : List.of();
    }

    private static <E> E one(Map<String, Object> values, String key, Function<String, E> parse) {
        Object code = values.get(key);
        return code == null ? null : parse.apply(code.toString().toUpperCase(Locale.ROOT));
    }

    private static List<String> codes(List<? extends Enum<?>> values) {
        return values.stream().map(ClassificationFields::code).toList();
    }

    private static void put(Map<String, Object> values, String key, Enum<?> value) {
        if (value != null) {
            values.put(key, code(value));
        }
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
