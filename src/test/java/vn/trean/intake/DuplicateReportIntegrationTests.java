package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class DuplicateReportIntegrationTests extends ApiIntegrationTest {

    @Test
    void sameChildInTheSameCommuneIsFoundIgnoringToneMarksAndCase() {
        String name = "Đặng Thị Hoà " + UUID.randomUUID().toString().substring(0, 6);
        UUID existing = fileReportFor(COMMUNE_A, name, 9);

        JsonNode found = as("hotline").post("/api/reports/duplicates",
                report(COMMUNE_A, Instant.now(), fold(name).toLowerCase())).expect(200).body();

        assertThat(found).extracting(c -> c.get("caseId").asText()).containsExactly(existing.toString());
        assertThat(found.get(0).get("childName").asText()).isEqualTo(name);
        assertThat(found.get(0).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anotherCommuneOrAnAgeFarApartIsNotADuplicate() {
        String name = "Phan Văn Khôi " + UUID.randomUUID().toString().substring(0, 6);
        fileReportFor(COMMUNE_A, name, 9);

        // a commune's officer looks in its own commune; the hotline looks across the province (ProvinceDuplicatesIntegrationTests)
        assertThat(as("officer.ngocha").post("/api/reports/duplicates", report(COMMUNE_B, Instant.now(), name)).expect(200)
                .body()).isEmpty();
        Map<String, Object> olderChild = withAge(report(COMMUNE_A, Instant.now(), name), 14);
        assertThat(as("hotline").post("/api/reports/duplicates", olderChild).expect(200).body()).isEmpty();
        Map<String, Object> nearAge = withAge(report(COMMUNE_A, Instant.now(), name), 10);
        assertThat(as("hotline").post("/api/reports/duplicates", nearAge).expect(200).body()).hasSize(1);
    }

    @Test
    void reportLinkedToAnExistingCaseOpensNoNewCase() {
        String name = "Võ Thị Lụa " + UUID.randomUUID().toString().substring(0, 6);
        UUID existing = fileReportFor(COMMUNE_A, name, 7);
        int cases = count("select count(*) from case_file");

        Map<String, Object> later = new java.util.HashMap<>(report(COMMUNE_A, Instant.now(), name));
        later.put("parents", java.util.List.of(Map.of("fullName", "Võ Văn Cha", "age", 41, "occupation", "thợ mộc")));
        as("officer").post("/api/cases/" + existing + "/reports", later).expect(200);

        assertThat(count("select count(*) from case_file")).isEqualTo(cases);
        JsonNode file = as("officer").get("/api/cases/" + existing).expect(200).body();
        assertThat(file.get("linkedReports")).hasSize(1);
        assertThat(file.get("linkedReports").get(0).get("receivingOfficer").asText()).isEqualTo("officer");
        assertThat(file.get("linkedReports").get(0).get("parents").get(0).get("fullName").asText()).isEqualTo("Võ Văn Cha");
        assertThat(html("officer", "/cases/" + existing)).as("the later report's parents on the case page")
                .contains("Võ Văn Cha · 41 tuổi · thợ mộc");
        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'REPORT_LINKED'", existing)).isOne();
    }

    @Test
    void reportCannotBeLinkedToACaseOfAnotherCommune() {
        UUID existing = fileReportFor(COMMUNE_A, "Lý Văn Bình", 6);
        as("officer.ngocha").post("/api/cases/" + existing + "/reports", report(COMMUNE_B, Instant.now(), "Lý Văn Bình"))
                .expect(404);
    }

    private UUID fileReportFor(String commune, String name, int age) {
        JsonNode body = as("hotline").post("/api/reports", withAge(report(commune, Instant.now(), name), age)).expect(201)
                .body();
        return UUID.fromString(body.get("id").asText());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withAge(Map<String, Object> report, int age) {
        Map<String, Object> child = new HashMap<>((Map<String, Object>) report.get("child"));
        child.put("estimatedAge", age);
        report.put("child", child);
        return report;
    }

    private static String fold(String name) {
        return java.text.Normalizer.normalize(name.replace("Đ", "D").replace("đ", "d"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }
}
