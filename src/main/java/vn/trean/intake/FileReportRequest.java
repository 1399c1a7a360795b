package vn.trean.intake;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.trean.casefile.Classification;
import vn.trean.casefile.Dimensions;
import vn.trean.casefile.NewCase;

/** Form 01 (Mẫu số 01): a report of a child abused or at risk, as a receiving point files it. */
@Schema(description = "Thông tin, thông báo, tố giác (Mẫu số 01)")
public record FileReportRequest(
        @NotBlank @Pattern(regexp = "\\d{5}") @Schema(description = "GSO code of the commune where it happened (2025 list)", example = "00004")
        String communeCode,
        @NotNull @Schema(description = "When the report was received; starts the 12-hour clock. May be earlier than now.", example = "2026-11-25T08:30:00+07:00")
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        OffsetDateTime receivedAt,
        @NotBlank @Pattern(regexp = "PHONE|APP|ZALO|FANPAGE|IN_PERSON|LETTER|OTHER") @Schema(example = "PHONE")
        String channel,
        @NotNull @Schema(example = "ABUSED")
        NewCase.CaseCategory category,
        @Size(max = 10) List<@Pattern(regexp = "VIOLENCE|EXPLOITATION|SEXUAL_ABUSE|TRAFFICKING|ABANDONMENT|OTHER") String> abuseForms,
        @NotNull @Valid
        ChildRequest child,
        @NotBlank @Size(max = 500) String place,
        @NotBlank @Size(max = 4000) String currentCondition,
        @Size(max = 4000) String likelyConsequence,
        @Size(max = 4000) String familySituation,
        @Size(max = 4) List<@NotNull @Valid Parent> parents,
        @Size(max = 4000) String actionsTaken,
        @Valid @Schema(description = "Only with the informant's consent") Informant informant,
        @Size(max = 100) String hotlineReference,
        @Size(max = 1000) @Schema(description = "Why the report is filed more than trean.intake.max-report-age (90 days) after its receipt; required then")
        String lateReason,
        @Schema(description = "Sub-types of EXPLOITATION and SEXUAL_ABUSE, each only with its form in abuseForms")
        @Size(max = 10) List<Dimensions.AbuseSubtype> abuseSubtypes,
        @Schema(description = "Groups of children in special circumstances (Law on Children 2016, art. 10)")
        @Size(max = 14) List<Dimensions.SpecialCircumstance> specialCircumstances,
        @Schema(description = "Only with the special circumstance DISABLED")
        Dimensions.DisabilitySeverity disabilitySeverity,
        @Schema(description = "Where the abuse happened")
        Dimensions.AbuseEnvironment environment,
        @Schema(description = "Relation to the child, age group, sex; no name")
        Classification.Perpetrator perpetrator) {

    /** A report with only the Form 01 fields a short form asks (no dimensions yet). */
    public FileReportRequest(String communeCode, OffsetDateTime receivedAt, String channel, NewCase.CaseCategory category,
                             List<String> abuseForms, ChildRequest child, String place, String currentCondition,
                             String likelyConsequence, String familySituation, List<Parent> parents,
                             String actionsTaken, Informant informant, String hotlineReference, String lateReason) {
        this(communeCode, receivedAt, channel, category, abuseForms, child, place, currentCondition, likelyConsequence,
                familySituation, parents, actionsTaken, informant, hotlineReference, lateReason, null, null, null, null,
                null);
    }

    /** The dimensions the receiving point could tell; {@link Classification#violations()} says what contradicts. */
    public Classification classification() {
        // Form 01 has always taken a form twice; the classification holds it once
        return new Classification(abuseForms == null ? List.of() : abuseForms.stream()
                .filter(java.util.Objects::nonNull).distinct().map(Dimensions.AbuseForm::valueOf).toList(),
                abuseSubtypes, specialCircumstances, disabilitySeverity, environment, perpetrator);
    }

    /** The parents or carers as the case file records them (JSON objects without empty fields). */
    public List<Map<String, Object>> parentsAsRecorded() {
        return parents == null ? null : parents.stream().map(Parent::asRecorded).filter(p -> !p.isEmpty()).toList();
    }

    /** The informant as the case file records them, or null. */
    public Map<String, Object> informantAsRecorded() {
        return informant == null ? null : informant.asRecorded();
    }

    /** A parent or carer of the child (Form 01: name, age, job; and the relation, address, phone). */
    public record Parent(
            @Size(max = 200) String fullName,
            @Min(0) @Max(120) @Schema(description = "Age in years", example = "38") Integer age,
            @Size(max = 100) @Schema(example = "mẹ") String relation,
            @Size(max = 500) String address,
            @Size(max = 30) String phone,
            @Size(max = 200) @Schema(description = "Job (nghề nghiệp)", example = "nông dân") String occupation) {

        Map<String, Object> asRecorded() {
            return present("fullName", fullName, "age", age, "relation", relation, "address", address, "phone", phone,
                    "occupation", occupation);
        }
    }

    /** Who told the receiving point, recorded only with their consent; the shape the new-report page sends. */
    public record Informant(
            Boolean consent,
            @Size(max = 200) @com.fasterxml.jackson.annotation.JsonAlias("fullName") String name,
            @Size(max = 30) String phone,
            @Size(max = 500) String address,
            @Size(max = 100) String relation) {

        Map<String, Object> asRecorded() {
            Map<String, Object> recorded = new java.util.LinkedHashMap<>();
            if (consent != null) {
                recorded.put("consent", consent);
            }
            recorded.putAll(present("name", name, "phone", phone, "address", address, "relation", relation));
            return recorded;
        }
    }

    private static Map<String, Object> present(Object... namesAndValues) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return values;
    }

    public record ChildRequest(
            @NotBlank @Size(max = 200) String fullName,
            @Past LocalDate dateOfBirth,
            // under 16 (Law on Children 2016, art. 1) is checked by ReportDates, whose refusal names the law
            @Min(0) @Schema(description = "0 to 15: a child is a person under 16 (Law on Children 2016, art. 1)", maximum = "15")
            Integer estimatedAge,
            @NotNull NewCase.Sex sex) {
    }
}
