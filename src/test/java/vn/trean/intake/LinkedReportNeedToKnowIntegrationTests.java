package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 7, item 1: a receiving point that links a report to a case it does not need to know learns only
 * what decides "same child?", gains no access by linking, and the case's officer is told.
 */
class LinkedReportNeedToKnowIntegrationTests extends ApiIntegrationTest {

    @Test
    void duplicateCheckShowsAHiddenCaseOnlyByNumberCommuneStatusAgeAndInitials() {
        String name = uniqueName("Nguyễn Thị Hoà");
        UUID caseId = fileFor(name);

        JsonNode hidden = as("officer.ngocha").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);

        assertThat(hidden.get("caseNumber").asText()).startsWith(COMMUNE_A + "-");
        assertThat(hidden.get("communeCode").asText()).isEqualTo(COMMUNE_A);
        assertThat(hidden.get("status").asText()).isEqualTo("OPEN");
        assertThat(hidden.get("ageYears").asInt()).isEqualTo(9);
        assertThat(hidden.get("initials").asText()).isEqualTo("N.T.H.X.");
        assertThat(hidden.has("matchRef")).isTrue();
        assertThat(hidden.has("caseId")).isFalse();
        assertThat(hidden.has("childName")).isFalse();
        assertThat(hidden.toString()).doesNotContain(caseId.toString()).doesNotContain("Hoà");
        as("officer.ngocha").get("/api/cases/" + hidden.get("matchRef").asText()).expect(404);

        JsonNode seen = as("officer").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);
        assertThat(seen.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(seen.get("childName").asText()).isEqualTo(name);
    }

    @Test
    void linkingAReportToAnotherCommunesCaseGivesTheLinkerNoAccessAndTellsTheCaseOfficer() {
        String name = uniqueName("Trần Văn Bình");
        UUID caseId = fileFor(name);
        JsonNode match = as("officer.ngocha").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);

        as("officer.ngocha").post("/api/reports/links",
                Map.of("matchRef", match.get("matchRef").asText(), "report", report(COMMUNE_A, Instant.now(), name)))
                .expect(200);

        as("officer.ngocha").get("/api/cases/" + caseId).expect(404);
        as("officer.ngocha").get("/api/cases/" + caseId + "/documents").expect(404);
        assertThat(count("select count(*) from case_access where case_id = ? and agency_id = 'child-protection-00008'",
                caseId)).isZero();
        JsonNode file = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("linkedReports")).hasSize(1);
        assertThat(count("""
                select count(*) from notification
                where case_id = ? and kind = 'REPORT_LINKED' and agency_id = 'child-protection-00004'""", caseId)).isOne();
    }

    @Test
    void policeWithoutATaskInTheCaseGainNoAccessByLinkingAReport() {
        String name = uniqueName("Lê Thị Mai");
        UUID caseId = fileFor(name);
        as("police").get("/api/cases/" + caseId).expect(404);
        JsonNode match = as("police").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);
        assertThat(match.has("caseId")).isFalse();

        as("police").post("/api/reports/links",
                Map.of("matchRef", match.get("matchRef").asText(), "report", report(COMMUNE_A, Instant.now(), name)))
                .expect(200);

        as("police").get("/api/cases/" + caseId).expect(404);
    }

    @Test
    void linkingByTheIdOfACaseTheCallerMayNotSeeAnswersLikeAMissingCaseAndWritesNothing() {
        String name = uniqueName("Phạm Văn Dũng");
        UUID caseId = fileFor(name);
        int reports = count("select count(*) from report where case_id = ?", caseId);

        var hidden = as("police").post("/api/cases/" + caseId + "/reports", report(COMMUNE_A, Instant.now(), name))
                .expect(404);
        var missing = as("police").post("/api/cases/" + UUID.randomUUID() + "/reports",
                report(COMMUNE_A, Instant.now(), name)).expect(404);

        assertThat(hidden.body().get("code")).isEqualTo(missing.body().get("code"));
        assertThat(count("select count(*) from report where case_id = ?", caseId)).isEqualTo(reports);
        as("police").get("/api/cases/" + caseId).expect(404);
    }

    @Test
    void aMatchReferenceWorksOnlyForTheUserItWasShownTo() {
        String name = uniqueName("Đỗ Minh Khang");
        UUID caseId = fileFor(name);
        JsonNode match = as("officer.ngocha").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);
        int reports = count("select count(*) from report where case_id = ?", caseId);

        as("police").post("/api/reports/links",
                        Map.of("matchRef", match.get("matchRef").asText(), "report", report(COMMUNE_A, Instant.now(), name)))
                .expect(404);
        as("police").post("/api/reports/links",
                        Map.of("matchRef", UUID.randomUUID().toString(), "report", report(COMMUNE_A, Instant.now(), name)))
                .expect(404);
        assertThat(count("select count(*) from report where case_id = ?", caseId)).isEqualTo(reports);
    }

    private UUID fileFor(String name) {
        return UUID.fromString(as("hotline").post("/api/reports", report(COMMUNE_A, Instant.now(), name)).expect(201)
                .body().get("id").asText());
    }

    /** A name no other test uses, so that the duplicate check finds exactly the case of this test. */
    private static String uniqueName(String name) {
        return name + " X" + UUID.randomUUID().toString().substring(0, 8);
    }
}
