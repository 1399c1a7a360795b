package vn.trean.casefile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import vn.trean.casefile.Dimensions.AbuseEnvironment;
import vn.trean.casefile.Dimensions.AbuseForm;
import vn.trean.casefile.Dimensions.AbuseSubtype;
import vn.trean.casefile.Dimensions.DisabilitySeverity;
import vn.trean.casefile.Dimensions.PerpetratorAgeGroup;
import vn.trean.casefile.Dimensions.PerpetratorRelation;
import vn.trean.casefile.Dimensions.PerpetratorSex;
import vn.trean.casefile.Dimensions.SpecialCircumstance;
import vn.trean.problem.InvalidFieldsProblem.Violation;

/**
 * What a case is classified by and a person may correct (issue 10 item 1): captured at intake, corrected at
 * verification, completed at assessment, or replaced whole through {@code PUT /api/cases/{id}/classification}.
 * The handling outcome (the police's) and the outcome at closing are recorded by their own steps, not here.
 */
@Schema(description = "Phân loại vụ việc / the case's classification")
public record Classification(
        @Schema(description = "Hình thức xâm hại / abuse forms as now known") List<AbuseForm> abuseForms,
        @Schema(description = "Sub-types of EXPLOITATION and SEXUAL_ABUSE; each only with its form") List<AbuseSubtype> abuseSubtypes,
        @Schema(description = "Law on Children 2016, art. 10: the 14 groups") List<SpecialCircumstance> specialCircumstances,
        @Schema(description = "Only with the special circumstance DISABLED") DisabilitySeverity disabilitySeverity,
        AbuseEnvironment environment,
        @Schema(description = "Relation, age group, sex: no name (the police record it)") Perpetrator perpetrator) {

    /** Nothing known yet. */
    public static final Classification NONE = new Classification(List.of(), List.of(), List.of(), null, null,
            Perpetrator.UNKNOWN);

    public record Perpetrator(PerpetratorRelation relation, PerpetratorAgeGroup ageGroup, PerpetratorSex sex) {

        public static final Perpetrator UNKNOWN = new Perpetrator(null, null, null);
    }

    /**
     * The same values as stored and compared: absent lists empty, lists in the order of their codes, an absent
     * perpetrator unknown.
     */
    public Classification normalised() {
        return new Classification(sorted(abuseForms), sorted(abuseSubtypes), sorted(specialCircumstances),
                disabilitySeverity, environment, perpetrator == null ? Perpetrator.UNKNOWN : perpetrator);
    }

    /**
     * What makes these values contradict themselves, each naming its field: a value twice in a list, a sub-type
     * without its abuse form, a disability severity without the group "disabled". Missing lists are not checked
     * here (intake treats them as empty, a replacement requires them).
     */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        checkList("abuseForms", abuseForms, AbuseForm.values().length, violations);
        checkList("abuseSubtypes", abuseSubtypes, AbuseSubtype.values().length, violations);
        checkList("specialCircumstances", specialCircumstances, SpecialCircumstance.values().length, violations);
        List<AbuseForm> forms = orEmpty(abuseForms);
        for (AbuseSubtype subtype : orEmpty(abuseSubtypes)) {
            if (subtype != null && !forms.contains(subtype.form())) {
                violations.add(new Violation("abuseSubtypes", "subtype-without-form", subtype.name(),
                        subtype.form().name()));
            }
        }
        if (disabilitySeverity != null && !orEmpty(specialCircumstances).contains(SpecialCircumstance.DISABLED)) {
            violations.add(new Violation("disabilitySeverity", "severity-without-disability"));
        }
        return violations;
    }

    private static void checkList(String field, List<?> values, int max, List<Violation> violations) {
        if (values == null) {
            return;
        }
        if (values.size() > max) {
            violations.add(new Violation(field, "too-many", max));
        } else if (values.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation(field, "required"));
        } else if (new HashSet<>(values).size() < values.size()) {
            violations.add(new Violation(field, "repeated"));
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }
}
