package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

class ReportIntakeIntegrationTests extends ApiIntegrationTest {

    @Autowired
    RuntimeService runtime;

    @Test
    void reportBecomesAVerificationTaskForTheCommuneOfficerDueTwelveHoursAfterReceipt() {
        Instant receivedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Response filed = as("hotline").post("/api/reports", report(COMMUNE_A, receivedAt, "Nguyễn Thị Hoà")).expect(201);
        UUID caseId = UUID.fromString(filed.body().get("id").asText());
        assertThat(filed.body().get("caseNumber").asText()).matches(COMMUNE_A + "-\\d{4}-\\d{4}");
        assertThat(filed.headers().getLocation()).hasToString("/api/cases/" + caseId);

        JsonNode task = taskOf("officer", caseId, "verify_report");
        assertThat(Instant.parse(task.get("dueAt").asText())).isEqualTo(receivedAt.plus(Duration.ofHours(12)));
        assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("child-protection-" + COMMUNE_A);
        assertThat(task.get("inTwelveHourWindow").asBoolean()).isTrue();
        assertThat(task.get("caseNumber").asText()).isEqualTo(filed.body().get("caseNumber").asText());

        assertThat(hasTask("officer.ngocha", caseId, "verify_report")).as("the officer of another commune").isFalse();
        assertThat(hasTask("chairman", caseId, "verify_report")).as("the chairman has no verification task").isFalse();
    }

    @Test
    void caseRowAndProcessInstanceAreCommittedTogether() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String processInstanceId = jdbc.sql("select process_instance_id from case_file where id = ?").param(caseId)
                .query(String.class).single();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isOne();
        assertThat(runtime.getVariables(processInstanceId)).as("ids, times and flags only; no personal data")
                .containsOnlyKeys("caseId", "communeCode", "provinceCode", "receivedAt", "windowEndsAt",
                        "windowReminderAt", "separationNeeded", "receivingAgencyKnown");
    }

    @Test
    void aFailureWhileStartingTheProcessLeavesNoCaseBehind() {
        // the commune keeps its officer but loses its People's Committee, and the province its department (which
        // forwards a report when the committee is missing): routing fails inside the engine, mid-start
        int casesBefore = count("select count(*) from case_file");
        int instancesBefore = (int) runtime.createProcessInstanceQuery().count();
        jdbc.sql("update agency set valid_to = date '2020-01-01' where id in ('committee-00025', 'health-dept-01')").update();
        try {
            Response refused = as("hotline").post("/api/reports", report("00025", Instant.now(), "Trần Văn Minh"));
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.body().get("code").asText()).isEqualTo("internal");
        } finally {
            jdbc.sql("update agency set valid_to = null where id in ('committee-00025', 'health-dept-01')").update();
        }
        assertThat(count("select count(*) from case_file")).isEqualTo(casesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void caseNumbersAreCountedPerCommuneAndYear() {
        UUID first = fileReport(COMMUNE_B, Instant.now());
        UUID second = fileReport(COMMUNE_B, Instant.now());
        String a = jdbc.sql("select case_number from case_file where id = ?").param(first).query(String.class).single();
        String b = jdbc.sql("select case_number from case_file where id = ?").param(second).query(String.class).single();
        assertThat(Integer.parseInt(b.substring(b.lastIndexOf('-') + 1)))
                .isEqualTo(Integer.parseInt(a.substring(a.lastIndexOf('-') + 1)) + 1);
        assertThat(b).startsWith(COMMUNE_B + "-");
    }

    @Test
    void missingFieldsAreNamedAndNothingIsStored() {
        int before = count("select count(*) from case_file");
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lê Văn Tí");
        report.remove("place");
        report.remove("currentCondition");
        Response response = as("hotline").post("/api/reports", report).expect(400);
        assertThat(response.body().get("code").asText()).isEqualTo("invalid-fields");
        assertThat(response.body().get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("place", "currentCondition");
        assertThat(response.body().get("errors").get(0).get("message").asText()).isEqualTo("Bắt buộc nhập.");
        assertThat(count("select count(*) from case_file")).isEqualTo(before);
    }

    @Test
    void problemsAreExplainedInEnglishWhenAskedFor() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lê Văn Tí");
        report.remove("place");
        Response response = as("hotline").inLanguage("en").post("/api/reports", report).expect(400);
        assertThat(response.body().get("title").asText()).isEqualTo("Invalid data");
        assertThat(response.body().get("errors").get(0).get("message").asText()).isEqualTo("Required.");
    }

    @Test
    void unknownCommuneIsRefused() {
        int before = count("select count(*) from case_file");
        Response response = as("hotline").post("/api/reports", report("99999", Instant.now(), "Lê Văn Tí")).expect(422);
        assertThat(response.body().get("code").asText()).isEqualTo("unknown-commune");
        assertThat(response.body().get("detail").asText()).contains("99999");
        assertThat(count("select count(*) from case_file")).isEqualTo(before);
    }

    @Test
    void communeWithoutAChildProtectionOfficerInAProvinceWithoutADepartmentIsRefused() {
        // a real commune of a province where no agency serves (a commune without its officer alone is accepted
        // and goes to the province department: UnstaffedCommuneIntegrationTests)
        String commune = jdbc.sql("""
                select min(c.code) from locality c where c.list = 'V2025' and c.level = 'COMMUNE' and c.retired_at is null
                and not exists (select 1 from agency a join locality l on l.list = a.locality_list and l.code = a.locality_code
                                where l.code = c.province_code or l.province_code = c.province_code)""")
                .query(String.class).single();
        Response response = as("hotline").inLanguage("en").post("/api/reports", report(commune, Instant.now(), "Lê Văn Tí"))
                .expect(422);
        assertThat(response.body().get("code").asText()).isEqualTo("commune-not-served");
    }

    @Test
    void timeOfReceiptInTheFutureIsRefused() {
        int before = count("select count(*) from case_file");
        Response response = as("hotline")
                .post("/api/reports", report(COMMUNE_A, Instant.now().plus(Duration.ofHours(1)), "Lê Văn Tí")).expect(400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("receivedAt");
        assertThat(response.body().get("errors").get(0).get("message").asText()).contains("tương lai");
        assertThat(count("select count(*) from case_file")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsRefused() {
        Response response = as("hotline").postRaw("/api/reports", "{\"communeCode\": \"00004\", ").expect(400);
        assertThat(response.body().get("code").asText()).isEqualTo("malformed-request");
    }

    @Test
    void valueOfTheWrongTypeIsRefused() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lê Văn Tí");
        report.put("category", "NOT_A_CATEGORY");
        report.put("receivedAt", "yesterday");
        assertThat(as("hotline").post("/api/reports", report).expect(400).body().get("code").asText())
                .isEqualTo("malformed-request");
    }

    @Test
    void childWithoutDateOfBirthOrAgeIsRefused() {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lê Văn Tí");
        @SuppressWarnings("unchecked")
        Map<String, Object> child = new HashMap<>((Map<String, Object>) report.get("child"));
        child.remove("estimatedAge");
        report.put("child", child);
        Response response = as("hotline").post("/api/reports", report).expect(400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("child.dateOfBirth");
    }

    @Test
    void onlyReceivingPointsFileReports() {
        // the school is a receiving point since issue 9 (item 5); the process owner is none
        Response response = as("owner").post("/api/reports", report(COMMUNE_A, Instant.now(), "Lê Văn Tí")).expect(403);
        assertThat(response.body().get("code").asText()).isEqualTo("not-a-receiving-point");
    }

    @Test
    void anonymousCallsAreUnauthorized() {
        anonymous().post("/api/reports", report(COMMUNE_A, Instant.now(), "Lê Văn Tí")).expect(401);
        as("hotline").get("/api/tasks").expect(200);
    }
}
