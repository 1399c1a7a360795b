package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 4: a case transferred from Ba Đình (A) to Ngọc Hà (B) — requested by Ba Đình's officer, accepted or
 * refused by Ngọc Hà's — through the HTTP API, with the real engine.
 */
class CaseTransferIntegrationTests extends ApiIntegrationTest {

    private String requestTransfer(UUID caseId, String toCommune) {
        return as("officer").post("/api/cases/" + caseId + "/transfers",
                        Map.of("toCommuneCode", toCommune, "reason", "Gia đình đã chuyển đến Ngọc Hà"))
                .expect(201).body().get("id").asText();
    }

    private List<String> timelineSteps(String username, UUID caseId) {
        List<String> keys = new ArrayList<>();
        as(username).get("/api/cases/" + caseId).expect(200).body().get("steps")
                .forEach(s -> keys.add(s.get("stepKey").asText()));
        return keys;
    }

    @Test
    void anAcceptedTransferMovesTheOpenTaskWithItsDeadlineAndTheCaseKeepsItsNumberWhileAccessFollows() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        JsonNode verify = taskOf("officer", caseId, "verify_report");
        String caseNumber = as("officer").get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        as("officer.ngocha").get("/api/cases/" + caseId).expect(404);

        String transferId = requestTransfer(caseId, COMMUNE_B);

        JsonNode incoming = as("officer.ngocha").get("/api/transfers/incoming").expect(200).body();
        JsonNode mine = null;
        for (JsonNode t : incoming) {
            if (t.get("id").asText().equals(transferId)) {
                mine = t;
            }
        }
        assertThat(mine).as("the request in Ngọc Hà's incoming list").isNotNull();
        assertThat(mine.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(mine.get("fromCommuneCode").asText()).isEqualTo(COMMUNE_A);
        assertThat(mine.get("initials").asText()).isEqualTo("N.T.H.");
        assertThat(mine.get("ageYears").asInt()).isEqualTo(9);
        assertThat(mine.has("childName")).as("no name before the case is accepted").isFalse();
        assertThat(mine.toString()).doesNotContain("Nguyễn");
        as("officer.ngocha").get("/api/cases/" + caseId).expect(404);
        assertThat(count("select count(*) from notification where case_id = ? and kind = 'TRANSFER_REQUESTED' and agency_id = ?",
                caseId, "child-protection-00008")).isEqualTo(1);

        as("officer.ngocha").post("/api/cases/" + caseId + "/transfers/" + transferId + "/accept", null)
                .expect(200).body();

        JsonNode moved = taskOf("officer.ngocha", caseId, "verify_report");
        assertThat(moved.get("taskId").asText()).isEqualTo(verify.get("taskId").asText());
        assertThat(moved.get("dueAt").asText()).isEqualTo(verify.get("dueAt").asText());
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        JsonNode received = as("officer.ngocha").get("/api/cases/" + caseId).expect(200).body();
        assertThat(received.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(received.get("communeCode").asText()).isEqualTo(COMMUNE_B);
        assertThat(timelineSteps("officer.ngocha", caseId)).contains("transfer_requested", "transfer_accepted");
        // the sender keeps reading what it did
        assertThat(timelineSteps("officer", caseId)).contains("transfer_requested").doesNotContain("transfer_accepted");
        assertThat(count("select count(*) from work_item where case_id = ? and commune_code = ?", caseId, COMMUNE_B))
                .isEqualTo(1);
        assertThat(count("select count(*) from trean.audit_event where case_id = ? and action like 'CASE_TRANSFER_%'",
                caseId)).isEqualTo(2);

        complete("officer.ngocha", caseId, "verify_report", verification(false));
        assertThat(hasTask("officer.ngocha", caseId, "assess_needs")).as("later tasks route to Ngọc Hà").isTrue();
        assertThat(hasTask("officer", caseId, "assess_needs")).isFalse();
        JsonNode transfers = as("officer").get("/api/cases/" + caseId + "/transfers").expect(200).body();
        assertThat(transfers.get(0).get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(transfers.get(0).get("fromCommuneCode").asText()).isEqualTo(COMMUNE_A);
    }

    @Test
    void aRefusedTransferMovesNothingAndTheSenderSeesTheReason() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        String transferId = requestTransfer(caseId, COMMUNE_B);

        as("officer.ngocha").post("/api/cases/" + caseId + "/transfers/" + transferId + "/refuse", Map.of("reason", " "))
                .expect(400);
        as("officer.ngocha").post("/api/cases/" + caseId + "/transfers/" + transferId + "/refuse",
                Map.of("reason", "Trẻ không cư trú tại Ngọc Hà")).expect(200);

        assertThat(taskOf("officer", caseId, "verify_report").get("taskId").asText()).isEqualTo(taskId);
        assertThat(hasTask("officer.ngocha", caseId, "verify_report")).isFalse();
        as("officer.ngocha").get("/api/cases/" + caseId).expect(404);
        JsonNode transfer = as("officer").get("/api/cases/" + caseId + "/transfers").expect(200).body().get(0);
        assertThat(transfer.get("state").asText()).isEqualTo("REFUSED");
        assertThat(transfer.get("refusalReason").asText()).isEqualTo("Trẻ không cư trú tại Ngọc Hà");
        assertThat(count("select count(*) from notification where case_id = ? and kind = 'TRANSFER_REFUSED' and agency_id = ?",
                caseId, "child-protection-00004")).isEqualTo(1);
        JsonNode view = as("officer").get("/api/cases/" + caseId).expect(200).body();
        assertThat(view.get("communeCode").asText()).isEqualTo(COMMUNE_A);
        assertThat(timelineSteps("officer", caseId)).contains("transfer_requested", "transfer_refused");
        // decided once: neither a second refusal nor a late acceptance
        as("officer.ngocha").post("/api/cases/" + caseId + "/transfers/" + transferId + "/accept", null).expect(409);
        // and the sender may ask again, elsewhere or later
        requestTransfer(caseId, COMMUNE_B);
    }

    @Test
    void aTransferToTheSameOrAnUnknownCommuneOrOfAClosedCaseIsRefusedWithItsReason() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String path = "/api/cases/" + caseId + "/transfers";

        assertThat(as("officer").post(path, Map.of("toCommuneCode", COMMUNE_A, "reason", "x")).expect(400)
                .body().get("code").asText()).isEqualTo("transfer-same-commune");
        assertThat(as("officer").post(path, Map.of("toCommuneCode", "99999", "reason", "x")).expect(400)
                .body().get("code").asText()).isEqualTo("transfer-unknown-commune");
        assertThat(as("officer").post(path, Map.of("toCommuneCode", COMMUNE_B)).expect(400)
                .body().get("code").asText()).isEqualTo("invalid-fields");
        as("officer").postRaw(path, "{\"toCommuneCode\":\"00008\",\"reason\":\"x\",\"extra\":1}").expect(400);
        as("chairman").post(path, Map.of("toCommuneCode", COMMUNE_B, "reason", "x")).expect(403);
        as("officer.ngocha").post(path, Map.of("toCommuneCode", COMMUNE_B, "reason", "x")).expect(404);
        assertThat(count("select count(*) from case_transfer where case_id = ?", caseId)).isZero();

        requestTransfer(caseId, COMMUNE_B);
        assertThat(as("officer").post(path, Map.of("toCommuneCode", "00025", "reason", "x")).expect(409)
                .body().get("code").asText()).isEqualTo("transfer-already-open");

        UUID closed = fileReport(COMMUNE_A, Instant.now());
        jdbc.sql("update case_file set status = 'CLOSED', closed_at = now() where id = ?").param(closed).update();
        assertThat(as("officer").post("/api/cases/" + closed + "/transfers",
                Map.of("toCommuneCode", COMMUNE_B, "reason", "x")).expect(409).body().get("code").asText())
                .isEqualTo("case-closed");
        assertThat(count("select count(*) from case_transfer where case_id = ?", closed)).isZero();
    }

    @Test
    void onlyTheReceivingCommuneMayDecideAndForAnyoneElseTheRequestDoesNotExist() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String transferId = requestTransfer(caseId, COMMUNE_B);
        String thirdCommuneOfficer = "officer.third." + UUID.randomUUID().toString().substring(0, 8);
        // the demo's password, so the test can sign in as them without the first-sign-in change
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, email, role, agency_id)
                        select ?, password_hash, 'Cán bộ BVTE xã thứ ba', null, role, 'child-protection-00025'
                        from app_user where username = 'officer'""").param(thirdCommuneOfficer).update();
        String accept = "/api/cases/" + caseId + "/transfers/" + transferId + "/accept";

        for (String outsider : List.of(thirdCommuneOfficer, "officer", "chairman", "police", "supervisor")) {
            String code = as(outsider).post(accept, null).expect(404).body().get("code").asText();
            assertThat(code).as(outsider).isEqualTo("transfer-not-found");
        }
        as(thirdCommuneOfficer).post("/api/cases/" + caseId + "/transfers/" + transferId + "/refuse",
                Map.of("reason", "x")).expect(404);
        as(thirdCommuneOfficer).get("/api/transfers/incoming").expect(200).body()
                .forEach(t -> assertThat(t.get("id").asText()).isNotEqualTo(transferId));

        assertThat(jdbc.sql("select state from case_transfer where id = ?").param(UUID.fromString(transferId))
                .query(String.class).single()).isEqualTo("REQUESTED");
        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
        assertThat(as("officer").get("/api/cases/" + caseId).expect(200).body().get("communeCode").asText())
                .isEqualTo(COMMUNE_A);
    }

    @Test
    void theReceivingCommunesChairmanMayDecideToo() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String transferId = requestTransfer(caseId, COMMUNE_B);
        String chairman = "chairman.ngocha." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, email, role, agency_id)
                        select ?, password_hash, 'Chủ tịch UBND Ngọc Hà', null, 'COMMUNE_CHAIRMAN', 'committee-00008'
                        from app_user where username = 'officer'""").param(chairman).update();

        assertThat(as(chairman).get("/api/transfers/incoming").expect(200).body().toString()).contains(transferId);
        as(chairman).post("/api/cases/" + caseId + "/transfers/" + transferId + "/accept", null).expect(200);

        assertThat(hasTask("officer.ngocha", caseId, "verify_report")).isTrue();
        as(chairman).get("/api/cases/" + caseId).expect(200);
    }
}
