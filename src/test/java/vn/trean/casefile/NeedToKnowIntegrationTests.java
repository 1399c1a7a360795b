package vn.trean.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class NeedToKnowIntegrationTests extends ApiIntegrationTest {

    @Test
    void userOfAnotherCommuneGetsNotFoundAsIfTheCaseDidNotExist() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        as("officer").get("/api/cases/" + caseId).expect(200);

        var hidden = as("officer.ngocha").get("/api/cases/" + caseId).expect(404);
        var absent = as("officer.ngocha").get("/api/cases/" + UUID.randomUUID()).expect(404);
        assertThat(hidden.body().get("code").asText()).isEqualTo(absent.body().get("code").asText());
        assertThat(hidden.body().get("title")).isEqualTo(absent.body().get("title"));
        as("officer.ngocha").get("/api/cases/" + caseId + "/breaches").expect(404);
    }

    @Test
    void agenciesSeeACaseOnlyOnceATaskOfItIsRoutedToThem() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        as("hotline").get("/api/cases/" + caseId).expect(200);
        as("chairman").get("/api/cases/" + caseId).expect(200);
        as("police").get("/api/cases/" + caseId).expect(404);
        as("health").get("/api/cases/" + caseId).expect(404);

        complete("officer", caseId, "verify_report", verification(false));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Theo dõi an toàn", "measures",
                java.util.List.of(Map.of("measureType", "safety_monitoring", "responsibleRole", "police",
                        "description", "Theo dõi", "startDate", today().toString(), "endDate", today().plusDays(30).toString()))));
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes"));

        var seenByPolice = as("police").get("/api/cases/" + caseId).expect(200).body();
        as("health").get("/api/cases/" + caseId).expect(404);

        // police see the child and their measure, not the report's details nor the commune's records
        assertThat(seenByPolice.get("child").get("fullName").asText()).isNotBlank();
        assertThat(seenByPolice.has("report")).isFalse();
        assertThat(seenByPolice.get("steps")).allMatch(s -> s.get("agencyId").asText().equals("police-00004"));
        assertThat(seenByPolice.get("measures")).hasSize(1);
        var seenByOfficer = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(seenByOfficer.get("report").get("currentCondition").asText()).isNotBlank();
        assertThat(seenByOfficer.get("steps").size()).isGreaterThan(seenByPolice.get("steps").size());
    }

    @Test
    void provinceSupervisorSeesEveryCaseOfTheProvince() {
        UUID caseId = fileReport(COMMUNE_B, Instant.now());
        as("supervisor").get("/api/cases/" + caseId).expect(200);
    }

    @Test
    void everyReadOfACaseIsAudited() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        int before = count("select count(*) from audit_event where case_id = ? and action = 'CASE_READ'", caseId);
        as("officer").get("/api/cases/" + caseId).expect(200);
        as("chairman").get("/api/cases/" + caseId).expect(200);
        as("officer.ngocha").get("/api/cases/" + caseId).expect(404);

        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'CASE_READ'", caseId))
                .isEqualTo(before + 2);
        assertThat(count("select count(*) from audit_event where case_id = ? and action = 'CASE_OPENED' and actor = 'hotline'",
                caseId)).isOne();
    }

    @Test
    void auditLogCannotBeChangedOrDeleted() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("delete from audit_event where case_id = ?").param(caseId).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("update audit_event set actor = 'x' where case_id = ?").param(caseId).update())
                .hasMessageContaining("append-only");
    }
}
