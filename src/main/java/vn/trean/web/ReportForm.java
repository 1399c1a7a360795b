package vn.trean.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import vn.trean.casefile.Classification;
import vn.trean.casefile.Dimensions;
import vn.trean.casefile.NewCase;
import vn.trean.intake.FileReportRequest;

/**
 * The new-report page's form as the browser posts it. Field names follow {@link FileReportRequest}'s
 * property paths ({@code child.fullName}), so that the request's validation errors land on the
 * fields they are about. The time of receipt is typed in Vietnam time.
 */
public class ReportForm {

    private String communeCode;
    private String receivedAt;
    private String channel = "PHONE";
    private String category;
    private List<String> abuseForms = new ArrayList<>();
    private Child child = new Child();
    private String place;
    private String currentCondition;
    private String likelyConsequence;
    private String familySituation;
    private String actionsTaken;
    private String hotlineReference;
    private String lateReason;
    private boolean informantConsents;
    private String informantName;
    private String informantPhone;
    private String informantRelation;
    private String informantAddress;
    // Form 01's parents: the page offers two (father, mother, or carers); the API takes up to four
    private List<Parent> parents = new ArrayList<>(List.of(new Parent(), new Parent()));
    // issue 10: the dimensions the receiving point can already tell (codes of vn.trean.casefile.Dimensions)
    private List<String> abuseSubtypes = new ArrayList<>();
    private List<String> specialCircumstances = new ArrayList<>();
    private String disabilitySeverity;
    private String environment;
    private String perpetratorRelation;
    private String perpetratorAgeGroup;
    private String perpetratorSex;

    public static class Child {
        private String fullName;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dateOfBirth;
        private Integer estimatedAge;
        private String sex;

        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public LocalDate getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
        public Integer getEstimatedAge() { return estimatedAge; }
        public void setEstimatedAge(Integer estimatedAge) { this.estimatedAge = estimatedAge; }
        public String getSex() { return sex; }
        public void setSex(String sex) { this.sex = sex; }
    }

    /** A parent or carer as the page posts it ({@code parents[0].fullName}); the age is typed as text and checked here. */
    public static class Parent {
        private String fullName;
        private String age;
        private String occupation;

        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getAge() { return age; }
        public void setAge(String age) { this.age = age; }
        public String getOccupation() { return occupation; }
        public void setOccupation(String occupation) { this.occupation = occupation; }

        boolean blank() {
            return ReportForm.blank(fullName) && ReportForm.blank(age) && ReportForm.blank(occupation);
        }
    }

    /**
     * The API's request. A value that cannot even be read (a malformed time, an unknown category) is
     * put in {@code unreadable} under its field and left out, for the validation to report as missing.
     */
    FileReportRequest toRequest(Map<String, String> unreadable) {
        java.time.OffsetDateTime received = null;
        try {
            received = receivedAt == null || receivedAt.isBlank() ? null
                    : LocalDateTime.parse(receivedAt).atZone(PageFormat.VIETNAM).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            unreadable.put("receivedAt", "field.date-time");
        }
        Texts texts = new Texts(unreadable);
        FileReportRequest.Informant informant = null;
        if (informantConsents && (!blank(informantName) || !blank(informantPhone) || !blank(informantAddress))) {
            informant = new FileReportRequest.Informant(true, texts.of("informant.name", informantName),
                    texts.of("informant.phone", informantPhone), texts.of("informant.address", informantAddress),
                    texts.of("informant.relation", informantRelation));
        }
        Codes codes = new Codes(unreadable);
        return new FileReportRequest(texts.of("communeCode", communeCode), received, texts.of("channel", channel),
                enumOf(NewCase.CaseCategory.class, category),
                abuseForms.isEmpty() ? null : abuseForms.stream().map(f -> texts.of("abuseForms", f))
                        .filter(java.util.Objects::nonNull).toList(),
                new FileReportRequest.ChildRequest(texts.of("child.fullName", child.fullName), child.dateOfBirth,
                        child.estimatedAge, enumOf(NewCase.Sex.class, child.sex)),
                texts.of("place", place), texts.of("currentCondition", currentCondition),
                texts.of("likelyConsequence", likelyConsequence), texts.of("familySituation", familySituation),
                parents(texts, unreadable),
                texts.of("actionsTaken", actionsTaken), informant, texts.of("hotlineReference", hotlineReference),
                texts.of("lateReason", lateReason),
                codes.list("abuseSubtypes", Dimensions.AbuseSubtype.class, abuseSubtypes),
                codes.list("specialCircumstances", Dimensions.SpecialCircumstance.class, specialCircumstances),
                codes.one("disabilitySeverity", Dimensions.DisabilitySeverity.class, disabilitySeverity),
                codes.one("environment", Dimensions.AbuseEnvironment.class, environment),
                new Classification.Perpetrator(
                        codes.one("perpetratorRelation", Dimensions.PerpetratorRelation.class, perpetratorRelation),
                        codes.one("perpetratorAgeGroup", Dimensions.PerpetratorAgeGroup.class, perpetratorAgeGroup),
                        codes.one("perpetratorSex", Dimensions.PerpetratorSex.class, perpetratorSex)));
    }

    /**
     * The parents, at the indexes the page posted them (so that a refusal names the right row); a row left empty is
     * sent empty and not recorded. An age that is no whole number is reported under its field.
     */
    private List<FileReportRequest.Parent> parents(Texts texts, Map<String, String> unreadable) {
        if (parents.stream().allMatch(p -> p == null || p.blank())) {
            return null;
        }
        List<FileReportRequest.Parent> given = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            Parent p = parents.get(i) == null ? new Parent() : parents.get(i);
            String field = "parents[" + i + "].";
            Integer age = null;
            if (!blank(p.age)) {
                try {
                    age = Integer.valueOf(p.age.trim());
                } catch (NumberFormatException notANumber) {
                    unreadable.put(field + "age", "field.pattern");
                }
            }
            given.add(new FileReportRequest.Parent(texts.of(field + "fullName", p.fullName), age, null, null, null,
                    texts.of(field + "occupation", p.occupation)));
        }
        return given;
    }

    /** Codes of the dimensions; one the page never offered is reported under its field and left out. */
    private record Codes(Map<String, String> unreadable) {
        <E extends Enum<E>> E one(String field, Class<E> type, String value) {
            if (blank(value)) {
                return null;
            }
            E code = enumOf(type, value);
            if (code == null) {
                unreadable.put(field, "field.pattern");
            }
            return code;
        }

        <E extends Enum<E>> List<E> list(String field, Class<E> type, List<String> values) {
            return values.isEmpty() ? null : values.stream().map(v -> one(field, type, v))
                    .filter(java.util.Objects::nonNull).toList();
        }
    }

    /** Trimmed text; text with a control character (PostgreSQL refuses a NUL) is reported under its field and left out. */
    private record Texts(Map<String, String> unreadable) {
        String of(String field, String value) {
            if (value != null && vn.trean.problem.PlainText.refuses(value)) {
                unreadable.put(field, "field.control-character");
                return null;
            }
            return trim(value);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return blank(value) ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    public String getCommuneCode() { return communeCode; }
    public void setCommuneCode(String communeCode) { this.communeCode = communeCode; }
    public String getReceivedAt() { return receivedAt; }
    public void setReceivedAt(String receivedAt) { this.receivedAt = receivedAt; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public List<String> getAbuseForms() { return abuseForms; }
    public void setAbuseForms(List<String> abuseForms) { this.abuseForms = abuseForms == null ? new ArrayList<>() : abuseForms; }
    public Child getChild() { return child; }
    public void setChild(Child child) { this.child = child; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getCurrentCondition() { return currentCondition; }
    public void setCurrentCondition(String currentCondition) { this.currentCondition = currentCondition; }
    public String getLikelyConsequence() { return likelyConsequence; }
    public void setLikelyConsequence(String likelyConsequence) { this.likelyConsequence = likelyConsequence; }
    public String getFamilySituation() { return familySituation; }
    public void setFamilySituation(String familySituation) { this.familySituation = familySituation; }
    public String getActionsTaken() { return actionsTaken; }
    public void setActionsTaken(String actionsTaken) { this.actionsTaken = actionsTaken; }
    public String getHotlineReference() { return hotlineReference; }
    public void setHotlineReference(String hotlineReference) { this.hotlineReference = hotlineReference; }
    public String getLateReason() { return lateReason; }
    public void setLateReason(String lateReason) { this.lateReason = lateReason; }
    public boolean isInformantConsents() { return informantConsents; }
    public void setInformantConsents(boolean informantConsents) { this.informantConsents = informantConsents; }
    public String getInformantName() { return informantName; }
    public void setInformantName(String informantName) { this.informantName = informantName; }
    public String getInformantPhone() { return informantPhone; }
    public void setInformantPhone(String informantPhone) { this.informantPhone = informantPhone; }
    public String getInformantRelation() { return informantRelation; }
    public void setInformantRelation(String informantRelation) { this.informantRelation = informantRelation; }
    public String getInformantAddress() { return informantAddress; }
    public void setInformantAddress(String informantAddress) { this.informantAddress = informantAddress; }
    public List<Parent> getParents() { return parents; }
    public void setParents(List<Parent> parents) { this.parents = parents == null ? new ArrayList<>() : parents; }
    public List<String> getAbuseSubtypes() { return abuseSubtypes; }
    public void setAbuseSubtypes(List<String> abuseSubtypes) { this.abuseSubtypes = abuseSubtypes == null ? new ArrayList<>() : abuseSubtypes; }
    public List<String> getSpecialCircumstances() { return specialCircumstances; }
    public void setSpecialCircumstances(List<String> specialCircumstances) { this.specialCircumstances = specialCircumstances == null ? new ArrayList<>() : specialCircumstances; }
    public String getDisabilitySeverity() { return disabilitySeverity; }
    public void setDisabilitySeverity(String disabilitySeverity) { this.disabilitySeverity = disabilitySeverity; }
    public String getEnvironment() { return environment; }
    public void setEnvironment(String environment) { this.environment = environment; }
    public String getPerpetratorRelation() { return perpetratorRelation; }
    public void setPerpetratorRelation(String perpetratorRelation) { this.perpetratorRelation = perpetratorRelation; }
    public String getPerpetratorAgeGroup() { return perpetratorAgeGroup; }
    public void setPerpetratorAgeGroup(String perpetratorAgeGroup) { this.perpetratorAgeGroup = perpetratorAgeGroup; }
    public String getPerpetratorSex() { return perpetratorSex; }
    public void setPerpetratorSex(String perpetratorSex) { this.perpetratorSex = perpetratorSex; }
}
