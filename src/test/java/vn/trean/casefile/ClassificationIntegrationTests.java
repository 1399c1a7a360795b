package vn.trean.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 10 item 1: the dimensions the statistics count by live on the case — captured at intake, corrected at
 * verification (audited with before and after), completed at assessment, replaced through the API by those who run
 * the case — with the actual cost of each measure and a pseudonymous key that is the same for the same child.
 */
class ClassificationIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private CaseClassifications classifications;
    @Autowired
    private ApplicationContext context;

    @Test
    void intakeRecordsTheDimensionsTheReceivingPointCouldTellForThoseWhoRunTheCase() {
        UUID caseId = file(classified("Lê Thị Mai"));

        JsonNode dims = as("officer").get(path(caseId)).expect(200).body();

        JsonNode k = dims.get("classification");
        assertThat(texts(k.get("abuseForms"))).containsExactly("VIOLENCE", "SEXUAL_ABUSE");
        assertThat(texts(k.get("abuseSubtypes"))).containsExactly("MOLESTATION");
        assertThat(k.get("environment").asText()).isEqualTo("SCHOOL");
        assertThat(k.get("perpetrator").get("relation").asText()).isEqualTo("TEACHER");
        assertThat(k.get("perpetrator").get("ageGroup").asText()).isEqualTo("ADULT");
        assertThat(k.get("perpetrator").get("sex").asText()).isEqualTo("MALE");
        assertThat(texts(k.get("specialCircumstances"))).containsExactly("SEXUALLY_ABUSED");
        assertThat(dims.get("handling").get("marked").asBoolean()).isFalse();
        assertThat(dims.has("perpetratorName")).isFalse();
        assertThat(dims.get("updatedBy").asText()).isEqualTo("hotline");
        as("chairman").get(path(caseId)).expect(200);
        as("supervisor").get(path(caseId)).expect(200);
        as("hotline").get(path(caseId)).expect(403);
        as("officer.ngocha").get(path(caseId)).expect(404);
        assertThat(html("officer", "/cases/" + caseId)).contains("id=\"classification\"", "Dâm ô", "Trường học",
                "Giáo viên, nhân viên nhà trường");
    }

    @Test
    void verificationCorrectsIntakeStartingFromItsValuesAndTheCorrectionIsAudited() {
        UUID caseId = file(classified("Phạm Thị Lan"));
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        JsonNode form = as("officer").get("/api/tasks/" + taskId).expect(200).body().get("form");
        assertThat(field(form, "environment").get("defaultValue").asText()).as("pre-filled from intake").isEqualTo("school");
        assertThat(texts(field(form, "abuseSubtypes").get("defaultValue"))).containsExactly("molestation");

        Map<String, Object> verification = new HashMap<>(verification(false));
        verification.putAll(Map.of("abuseForms", List.of("sexual_abuse"), "abuseSubtypes", List.of("rape"),
                "environment", "family", "perpetratorRelation", "step_parent", "perpetratorSex", "male",
                "specialCircumstances", List.of("sexually_abused")));
        complete("officer", caseId, "verify_report", verification);

        JsonNode k = as("officer").get(path(caseId)).expect(200).body().get("classification");
        assertThat(texts(k.get("abuseForms"))).containsExactly("SEXUAL_ABUSE");
        assertThat(texts(k.get("abuseSubtypes"))).containsExactly("RAPE");
        assertThat(k.get("environment").asText()).isEqualTo("FAMILY");
        assertThat(k.get("perpetrator").get("relation").asText()).isEqualTo("STEP_PARENT");
        assertThat(k.get("perpetrator").has("ageGroup")).as("cleared at verification").isFalse();
        JsonNode audited = lastChange(caseId);
        assertThat(audited.get("actor").asText()).isEqualTo("officer");
        assertThat(audited.get("detail").get("source").asText()).isEqualTo("verify_report");
        assertThat(audited.get("detail").get("before").get("environment").asText()).isEqualTo("SCHOOL");
        assertThat(audited.get("detail").get("after").get("environment").asText()).isEqualTo("FAMILY");
        assertThat(texts(audited.get("detail").get("before").get("abuseSubtypes"))).containsExactly("MOLESTATION");
        assertThat(texts(audited.get("detail").get("after").get("abuseSubtypes"))).containsExactly("RAPE");

        Map<String, Object> assessment = new HashMap<>(needsAssessment());
        assessment.putAll(defaultsOf("officer", caseId, "assess_needs"));
        assessment.put("specialCircumstances", List.of("sexually_abused", "disabled"));
        assessment.put("disabilitySeverity", "severe");
        complete("officer", caseId, "assess_needs", assessment);

        k = as("officer").get(path(caseId)).expect(200).body().get("classification");
        assertThat(texts(k.get("specialCircumstances"))).containsExactly("DISABLED", "SEXUALLY_ABUSED");
        assertThat(k.get("disabilitySeverity").asText()).isEqualTo("SEVERE");
        assertThat(texts(k.get("abuseSubtypes"))).as("what verification recorded stays").containsExactly("RAPE");
        assertThat(lastChange(caseId).get("detail").get("source").asText()).isEqualTo("assess_needs");
    }

    @Test
    void aVerificationWithoutTheFieldsKeepsIntakesValuesAndAContradictionIsRefusedNamingTheField() {
        UUID caseId = file(classified("Hoàng Văn Nam"));
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        Map<String, Object> contradicting = new HashMap<>(verification(false));
        contradicting.putAll(Map.of("abuseForms", List.of("violence"), "abuseSubtypes", List.of("rape")));

        JsonNode refused = as("officer").post("/api/tasks/" + taskId + "/complete", contradicting).expect(400).body();

        assertThat(refused.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("abuseSubtypes");
        assertThat(hasTask("officer", caseId, "verify_report")).as("nothing recorded").isTrue();
        complete("officer", caseId, "verify_report", verification(false));
        JsonNode k = as("officer").get(path(caseId)).expect(200).body().get("classification");
        assertThat(k.get("environment").asText()).isEqualTo("SCHOOL");
        assertThat(texts(k.get("abuseSubtypes"))).containsExactly("MOLESTATION");
        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'CASE_CLASSIFICATION_CHANGED'",
                caseId)).isZero();
    }

    @Test
    void theOfficerAndChairmanOfTheCaseReplaceItsClassificationAuditedAndNoOneElse() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        Map<String, Object> body = replacement();

        JsonNode replaced = as("officer").put(path(caseId), body).expect(200).body().get("classification");

        assertThat(texts(replaced.get("abuseForms"))).containsExactly("EXPLOITATION");
        assertThat(texts(replaced.get("abuseSubtypes"))).containsExactly("ILLEGAL_LABOUR");
        assertThat(replaced.get("environment").asText()).isEqualTo("WORKPLACE");
        assertThat(replaced.get("perpetrator").get("relation").asText()).isEqualTo("EMPLOYER");
        JsonNode audited = lastChange(caseId);
        assertThat(audited.get("detail").get("source").asText()).isEqualTo("api");
        assertThat(texts(audited.get("detail").get("before").get("abuseForms"))).containsExactly("VIOLENCE");
        assertThat(texts(audited.get("detail").get("after").get("abuseForms"))).containsExactly("EXPLOITATION");
        int changes = count("select count(*) from audit_event where case_id = ? and action = 'CASE_CLASSIFICATION_CHANGED'",
                caseId);
        as("chairman").put(path(caseId), body).expect(200);
        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'CASE_CLASSIFICATION_CHANGED'",
                caseId)).as("the same values change nothing").isEqualTo(changes);

        as("supervisor").put(path(caseId), body).expect(403);
        as("hotline").put(path(caseId), body).expect(403);
        as("officer.ngocha").put(path(caseId), body).expect(404);
        as("teacher").put(path(caseId), body).expect(404);
        as("officer").put(path(UUID.randomUUID()), body).expect(404);
        as("officer").get(path(UUID.randomUUID())).expect(404);
        jdbc.sql("update case_file set status = 'CLOSED', closed_at = now(), closing_outcome = 'CASE_HANDLED' where id = ?")
                .param(caseId).update();
        as("officer").put(path(caseId), body).expect(409);
        assertThat(as("officer").get(path(caseId)).expect(200).body().get("closingOutcome").asText())
                .isEqualTo("CASE_HANDLED");
    }

    @Test
    void thePoliceWhoSeeTheirPartOfACaseMayNeitherReadNorChangeItsClassification() {
        UUID caseId = caseWithAPoliceMeasure();
        as("police").get("/api/cases/" + caseId).expect(200);

        as("police").get(path(caseId)).expect(403);
        as("police").put(path(caseId), replacement()).expect(403);
    }

    @Test
    void badInputIsRefusedNamingTheFieldInBothLanguages() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());

        assertThat(fields(as("officer").put(path(caseId), with("environment", "BEACH")).expect(400)))
                .containsExactly("environment");
        assertThat(fields(as("officer").put(path(caseId), with("abuseSubtypes", List.of("SPANKING"))).expect(400)))
                .containsExactly("abuseSubtypes[0]");
        assertThat(fields(as("officer").put(path(caseId), with("perpetrator", Map.of("relation", "GHOST"))).expect(400)))
                .containsExactly("perpetrator.relation");
        assertThat(fields(as("officer").put(path(caseId), with("perpetratorName", "Nguyễn Văn A")).expect(400)))
                .containsExactly("perpetratorName");
        JsonNode withoutForm = as("officer").put(path(caseId), with("abuseSubtypes", List.of("RAPE"))).expect(400).body();
        assertThat(fields(withoutForm)).containsExactly("abuseSubtypes");
        assertThat(withoutForm.get("errors").get(0).get("message").asText()).contains("RAPE", "SEXUAL_ABUSE", "Hành vi");
        JsonNode english = as("officer").inLanguage("en").put(path(caseId), with("abuseSubtypes", List.of("RAPE")))
                .expect(400).body();
        assertThat(english.get("errors").get(0).get("message").asText()).isEqualTo("Sub-type RAPE needs its abuse form SEXUAL_ABUSE.");
        assertThat(fields(as("officer").put(path(caseId), with("disabilitySeverity", "MILD")).expect(400)))
                .containsExactly("disabilitySeverity");
        assertThat(fields(as("officer").put(path(caseId), with("specialCircumstances", List.of("ORPHANED", "ORPHANED")))
                .expect(400))).containsExactly("specialCircumstances");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("HIV_AIDS");
        }
        assertThat(fields(as("officer").put(path(caseId), with("specialCircumstances", many)).expect(400)))
                .containsExactly("specialCircumstances");
        assertThat(fields(as("officer").put(path(caseId), Map.of()).expect(400)))
                .containsExactlyInAnyOrder("abuseForms", "abuseSubtypes", "specialCircumstances");

        Map<String, Object> report = classified("Đỗ Thị Hạnh");
        report.put("abuseSubtypes", List.of("ILLEGAL_LABOUR"));
        assertThat(fields(as("hotline").post("/api/reports", report).expect(400))).containsExactly("abuseSubtypes");
        report.put("abuseSubtypes", List.of("TICKLING"));
        assertThat(fields(as("hotline").post("/api/reports", report).expect(400))).containsExactly("abuseSubtypes[0]");
    }

    @Test
    void theSameChildInTwoCasesHasOnePersonKeyAndAnotherChildAnother() throws Exception {
        UUID first = file(child("Trần Văn Bình", "2016-03-14"));
        UUID second = file(child("tran van  BINH", "2016-03-14"));
        UUID other = file(child("Trần Văn Bình", "2017-03-14"));

        Map<UUID, String> keys = classifications.personKeysOf(List.of(first, second, other));

        assertThat(keys.get(first)).hasSize(64).isEqualTo(keys.get(second)).isNotEqualTo(keys.get(other));
        assertThat(keys.get(first)).doesNotContainIgnoringCase("binh");

        jdbc.sql("update child set person_key = null where case_id = ?").param(first).update();
        context.getBean("personKeyBackfill", ApplicationRunner.class).run(null);
        assertThat(classifications.personKeysOf(List.of(first)).get(first)).as("keyed again at start")
                .isEqualTo(keys.get(second));
    }

    @Test
    void theActualCostOfAMeasureIsRecordedWhenItsTaskIsCompleted() {
        UUID caseId = caseWithAPoliceMeasure();

        complete("police", caseId, "implement_measure", Map.of("status", "done", "completedOn", today().toString(),
                "actualCost", 1_500_000));

        JsonNode support = as("officer").get(path(caseId)).expect(200).body().get("support");
        assertThat(support).hasSize(1);
        assertThat(support.get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(support.get(0).get("actualCost").asLong()).isEqualTo(1_500_000L);
        assertThat(as("officer").get("/api/cases/" + caseId).expect(200).body().get("measures").get(0)
                .get("actualCost").asLong()).isEqualTo(1_500_000L);
        assertThat(html("officer", "/cases/" + caseId)).contains("1.500.000 đ");
    }

    @Test
    void onlyThePoliceRecordThePerpetratorsNameAndTheAuditKeepsOnlyThatOneIsRecorded() {
        UUID caseId = file(classified("Vũ Thị Thu"));
        Map<String, Object> verification = new HashMap<>(verification(false));
        verification.put("crimeIndicated", true);
        complete("officer", caseId, "verify_report", verification);
        complete("police", caseId, "confirm_crime_report", Map.of("receivedOn", today().toString(),
                "receiptReference", "TG-30/2026"));

        complete("police", caseId, "record_crime_outcome", Map.of("handlingOutcome", "prosecuted",
                "decisionNumber", "07/QĐ-KTVA", "decisionDate", today().toString(), "perpetratorName", "Nguyễn Văn Tư"));

        JsonNode dims = as("officer").get(path(caseId)).expect(200).body();
        assertThat(dims.get("perpetratorName").asText()).isEqualTo("Nguyễn Văn Tư");
        assertThat(dims.get("handling").get("handlingOutcome").asText()).isEqualTo("PROSECUTED");
        assertThat(dims.get("handling").get("decisionNumber").asText()).isEqualTo("07/QĐ-KTVA");
        JsonNode audited = lastChange(caseId);
        assertThat(audited.get("detail").get("source").asText()).isEqualTo("record_crime_outcome");
        assertThat(audited.get("detail").get("after").get("perpetratorNameRecorded").asBoolean()).isTrue();
        assertThat(audited.toString()).doesNotContain("Nguyễn Văn Tư");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static String path(UUID caseId) {
        return "/api/cases/" + caseId + "/classification";
    }

    private UUID file(Map<String, Object> report) {
        return UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
    }

    /** A report of sexual abuse at school by a teacher, with what the hotline could tell. */
    private Map<String, Object> classified(String childName) {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), childName);
        report.put("abuseForms", List.of("VIOLENCE", "SEXUAL_ABUSE"));
        report.put("abuseSubtypes", List.of("MOLESTATION"));
        report.put("environment", "SCHOOL");
        report.put("perpetrator", Map.of("relation", "TEACHER", "ageGroup", "ADULT", "sex", "MALE"));
        report.put("specialCircumstances", List.of("SEXUALLY_ABUSED"));
        return report;
    }

    private Map<String, Object> child(String name, String dateOfBirth) {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), name);
        Map<String, Object> child = new HashMap<>();
        child.put("fullName", name);
        child.put("dateOfBirth", dateOfBirth);
        child.put("sex", "MALE");
        report.put("child", child);
        return report;
    }

    private static Map<String, Object> replacement() {
        Map<String, Object> body = new HashMap<>();
        body.put("abuseForms", List.of("EXPLOITATION"));
        body.put("abuseSubtypes", List.of("ILLEGAL_LABOUR"));
        body.put("specialCircumstances", List.of("WORKING_SCHOOL_DROPOUT"));
        body.put("environment", "WORKPLACE");
        body.put("perpetrator", Map.of("relation", "EMPLOYER", "ageGroup", "ADULT", "sex", "FEMALE"));
        return body;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = replacement();
        body.put(key, value);
        return body;
    }

    private JsonNode lastChange(UUID caseId) {
        String row = jdbc.sql("""
                        select json_build_object('actor', actor, 'detail', detail)::text from audit_event
                        where case_id = ? and action = 'CASE_CLASSIFICATION_CHANGED' order by id desc limit 1""")
                .param(caseId).query(String.class).single();
        try {
            return json.readTree(row);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode field(JsonNode form, String key) {
        for (JsonNode c : form.findParents("key")) {
            if (key.equals(c.get("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no field " + key);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> fields(Response response) {
        return fields(response.body());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.get("errors").forEach(e -> names.add(e.get("field").asText()));
        return names;
    }

    /** What the task page's form opens with (form-js fills each field with its defaultValue), as it would send it back. */
    private Map<String, Object> defaultsOf(String username, UUID caseId, String stepKey) {
        String taskId = taskOf(username, caseId, stepKey).get("taskId").asText();
        JsonNode form = as(username).get("/api/tasks/" + taskId).expect(200).body().get("form");
        Map<String, Object> values = new HashMap<>();
        for (JsonNode c : form.findParents("defaultValue")) {
            values.put(c.get("key").asText(), json.convertValue(c.get("defaultValue"), Object.class));
        }
        return values;
    }
}
