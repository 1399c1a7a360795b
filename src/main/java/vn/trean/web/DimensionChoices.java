package vn.trean.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trean.casefile.Dimensions;
import vn.trean.casefile.Dimensions.AbuseForm;
import vn.trean.casefile.Dimensions.AbuseSubtype;

/**
 * The codes a page offers for a case's dimensions (issue 10), each shown with its label in the page's language.
 *
 * @param selects the one-of-a-list dimensions by their field name (ReportForm's): where, and who did it
 */
public record DimensionChoices(List<AbuseSubtype> exploitation, List<AbuseSubtype> sexualAbuse,
                               List<Dimensions.SpecialCircumstance> circumstances,
                               List<Dimensions.DisabilitySeverity> severities,
                               Map<String, List<? extends Dimensions.Labelled>> selects) {

    static final DimensionChoices ALL = new DimensionChoices(subtypesOf(AbuseForm.EXPLOITATION),
            subtypesOf(AbuseForm.SEXUAL_ABUSE), List.of(Dimensions.SpecialCircumstance.values()),
            List.of(Dimensions.DisabilitySeverity.values()), selectsByField());

    private static Map<String, List<? extends Dimensions.Labelled>> selectsByField() {
        Map<String, List<? extends Dimensions.Labelled>> selects = new LinkedHashMap<>();
        selects.put("environment", List.of(Dimensions.AbuseEnvironment.values()));
        selects.put("perpetratorRelation", List.of(Dimensions.PerpetratorRelation.values()));
        selects.put("perpetratorAgeGroup", List.of(Dimensions.PerpetratorAgeGroup.values()));
        selects.put("perpetratorSex", List.of(Dimensions.PerpetratorSex.values()));
        return java.util.Collections.unmodifiableMap(selects);
    }

    private static List<AbuseSubtype> subtypesOf(AbuseForm form) {
        return Arrays.stream(AbuseSubtype.values()).filter(s -> s.form() == form).toList();
    }
}
