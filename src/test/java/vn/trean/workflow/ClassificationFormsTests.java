package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.trean.casefile.Classification;
import vn.trean.casefile.Dimensions;

/**
 * The verification and assessment forms offer exactly the codes of {@link Dimensions}, in lower case, with their
 * Vietnamese labels: a code added to an enum and not to a form (or the reverse) fails here, not in a user's hands.
 */
class ClassificationFormsTests {

    private static final Map<String, Class<? extends Enum<?>>> FIELDS = Map.of(
            ClassificationFields.ABUSE_FORMS, Dimensions.AbuseForm.class,
            ClassificationFields.ABUSE_SUBTYPES, Dimensions.AbuseSubtype.class,
            ClassificationFields.SPECIAL_CIRCUMSTANCES, Dimensions.SpecialCircumstance.class,
            ClassificationFields.DISABILITY_SEVERITY, Dimensions.DisabilitySeverity.class,
            ClassificationFields.ENVIRONMENT, Dimensions.AbuseEnvironment.class,
            ClassificationFields.PERPETRATOR_RELATION, Dimensions.PerpetratorRelation.class,
            ClassificationFields.PERPETRATOR_AGE_GROUP, Dimensions.PerpetratorAgeGroup.class,
            ClassificationFields.PERPETRATOR_SEX, Dimensions.PerpetratorSex.class);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void verificationAndAssessmentOfferEveryCodeOfEveryDimensionWithItsVietnameseLabel() throws IOException {
        assertThat(FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(ClassificationFields.KEYS);
        for (String form : List.of("verify_report", "assess_needs")) {
            Map<String, JsonNode> fields = fields(form);
            FIELDS.forEach((key, type) -> {
                JsonNode field = fields.get(key);
                assertThat(field).as("%s has %s", form, key).isNotNull();
                assertThat(field.has("validate") && field.get("validate").path("required").asBoolean())
                        .as("%s.%s is optional: API clients that leave it out keep the case's values", form, key).isFalse();
                List<String> values = new ArrayList<>();
                field.get("values").forEach(v -> {
                    values.add(v.get("value").asText());
                    Dimensions.Labelled code = (Dimensions.Labelled) Enum.valueOf(raw(type),
                            v.get("value").asText().toUpperCase(Locale.ROOT));
                    assertThat(v.get("label").asText()).as("%s.%s label", form, key).endsWith(code.label().vi());
                });
                assertThat(values).as("%s.%s values", form, key).containsExactlyElementsOf(
                        Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
            });
        }
    }

    @Test
    void formValuesAndClassificationsConvertBothWays() {
        var classification = new Classification(List.of(Dimensions.AbuseForm.SEXUAL_ABUSE),
                List.of(Dimensions.AbuseSubtype.RAPE), List.of(Dimensions.SpecialCircumstance.DISABLED),
                Dimensions.DisabilitySeverity.MILD, Dimensions.AbuseEnvironment.ONLINE,
                new Classification.Perpetrator(Dimensions.PerpetratorRelation.STRANGER, null,
                        Dimensions.PerpetratorSex.MALE));

        Map<String, Object> values = ClassificationFields.of(classification);

        assertThat(values).containsEntry("abuseSubtypes", List.of("rape")).containsEntry("environment", "online")
                .doesNotContainKey("perpetratorAgeGroup");
        assertThat(ClassificationFields.present(values)).isTrue();
        assertThat(ClassificationFields.from(values)).isEqualTo(classification.normalised());
        assertThat(ClassificationFields.present(Map.of("abuseConfirmed", "yes"))).isFalse();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Enum> raw(Class<? extends Enum<?>> type) {
        return (Class<Enum>) (Class) type;
    }

    private Map<String, JsonNode> fields(String form) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/forms/" + form + ".form")) {
            Map<String, JsonNode> byKey = new LinkedHashMap<>();
            for (JsonNode c : json.readTree(in).findParents("key")) {
                byKey.put(c.get("key").asText(), c);
            }
            return byKey;
        }
    }
}
