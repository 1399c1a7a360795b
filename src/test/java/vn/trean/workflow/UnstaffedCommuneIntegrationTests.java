package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 8 item 9: a report for a commune whose officer role resolves to no agency is accepted, goes to the
 * province department ("Giao cơ quan tiếp nhận"), shows on its board, and once the department chose an
 * agency in service of the province, verification is routed there. The tests set up Quảng Trị (province 44,
 * no agency in the demo data) through the administration API: its health department with one person, and
 * a child-protection officer of one of its communes with one person; other communes of Quảng Trị stay
 * without staff.
 */
class UnstaffedCommuneIntegrationTests extends ApiIntegrationTest {

    private static final String QUANG_TRI = "44";
    private static final String CHOSEN_PASSWORD = "Quang-Tri-bao-ve-tre-em-2026";

    private String department;
    private String staffedCommune;
    private String staffedOfficer;
    private String departmentUser;
    private String officerUser;

    @BeforeEach
    void quangTriHasItsDepartmentAndOneOfficer() {
        staffedCommune = communeOfQuangTri(0);
        department = existingAgency("PROVINCE_HEALTH_DEPT", QUANG_TRI)
                .orElseGet(() -> createAgency("PROVINCE_HEALTH_DEPT", "Sở Y tế Quảng Trị", QUANG_TRI, null, null));
        staffedOfficer = existingAgency("CHILD_PROTECTION_OFFICER", staffedCommune)
                .orElseGet(() -> createAgency("CHILD_PROTECTION_OFFICER", "Cán bộ bảo vệ trẻ em xã", staffedCommune, null, null));
        departmentUser = ensureUser("so.yte.quangtri", "PROVINCE_SUPERVISOR", department);
        officerUser = ensureUser("bvte.quangtri", "COMMUNE_OFFICER", staffedOfficer);
    }

    @Test
    void aReportForACommuneWithoutItsOfficerIsAcceptedAndGoesToTheProvinceDepartmentToAssignAnAgency() {
        String commune = communeOfQuangTri(1);
        Response filed = as("hotline").post("/api/reports", report(commune, Instant.now(), "Hồ Thị Lan")).expect(201);
        UUID caseId = UUID.fromString(filed.body().get("id").asText());
        assertThat(filed.body().get("caseNumber").asText()).isNotBlank();

        JsonNode assign = taskAs(departmentUser, caseId, "assign_receiving_agency");
        assertThat(assign.get("candidateGroups").get(0).asText()).isEqualTo(department);
        assertThat(assign.get("inTwelveHourWindow").asBoolean()).as("the 12 hours run from receipt").isTrue();
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'verify_report'", caseId))
                .as("no verification before an agency is chosen").isZero();
        assertThat(jdbc.sql("select data ->> 'to' from step_record where case_id = ? and step_key = 'forward_to_commune'")
                .param(caseId).query(String.class).single()).as("forwarded through the province department")
                .isEqualTo(department);
        person(departmentUser).get("/api/cases/" + caseId).expect(200);

        JsonNode board = person(departmentUser).get("/api/board").expect(200).body();
        assertThat(board.get("withoutReceivingAgency").findValuesAsText("caseNumber"))
                .contains(filed.body().get("caseNumber").asText());
        String page = page(departmentUser, "/board");
        assertThat(page).contains("Xã chưa có cơ quan tiếp nhận", "xã chưa có cơ quan tiếp nhận",
                filed.body().get("caseNumber").asText());
    }

    @Test
    void theDepartmentChoosesAnAgencyOfTheProvinceFromTheOfferedListAndVerificationIsRoutedToIt() {
        String commune = communeOfQuangTri(2);
        UUID caseId = file(commune);
        String taskId = taskAs(departmentUser, caseId, "assign_receiving_agency").get("taskId").asText();

        JsonNode form = person(departmentUser).get("/api/tasks/" + taskId).expect(200).body().get("form");
        JsonNode select = select(form, "receivingAgencyId");
        assertThat(select.findValuesAsText("value")).contains(staffedOfficer).doesNotContain("child-protection-00004");
        assertThat(select.has("valuesKey")).as("the server fills the list in").isFalse();

        person(departmentUser).post("/api/tasks/" + taskId + "/complete",
                Map.of("receivingAgencyId", staffedOfficer, "assignmentNote", "Xã bên cạnh nhận thay")).expect(204);

        JsonNode verify = taskAs(officerUser, caseId, "verify_report");
        assertThat(verify.get("candidateGroups").get(0).asText()).isEqualTo(staffedOfficer);
        person(officerUser).get("/api/cases/" + caseId).expect(200);
        assertThat(jdbc.sql("select agency_id from case_receiving_agency where case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo(staffedOfficer);
        assertThat(count("""
                select count(*) from trean.audit_event where action = 'RECEIVING_AGENCY_ASSIGNED' and case_id = ?
                and actor = ? and detail -> 'after' ->> 'agencyId' = ?""", caseId, departmentUser, staffedOfficer))
                .isEqualTo(1);
        JsonNode board = person(departmentUser).get("/api/board").expect(200).body();
        assertThat(board.get("withoutReceivingAgency").findValuesAsText("caseId")).doesNotContain(caseId.toString());

        // the chosen agency carries the later commune steps of this case too
        person(officerUser).post("/api/tasks/" + verify.get("taskId").asText() + "/complete", verification(false))
                .expect(204);
        assertThat(taskAs(officerUser, caseId, "assess_needs").get("candidateGroups").get(0).asText())
                .isEqualTo(staffedOfficer);
    }

    @Test
    void anAgencyOfAnotherProvinceARetiredOneOrOneOfAnotherKindIsRefusedNamingTheFieldAndNothingChanges() {
        String commune = communeOfQuangTri(3);
        UUID caseId = file(commune);
        String taskId = taskAs(departmentUser, caseId, "assign_receiving_agency").get("taskId").asText();
        String retired = createAgency("CHILD_PROTECTION_OFFICER", "Cán bộ cũ", communeOfQuangTri(4), "2020-01-01",
                today().minusDays(1).toString());
        String police = existingAgency("POLICE", staffedCommune)
                .orElseGet(() -> createAgency("POLICE", "Công an xã", staffedCommune, null, null));

        for (String wrong : List.of("child-protection-00004", retired, police, "no-such-agency")) {
            JsonNode problem = person(departmentUser).post("/api/tasks/" + taskId + "/complete",
                    Map.of("receivingAgencyId", wrong)).expect(400).body();
            assertThat(problem.get("errors").findValuesAsText("field")).as(wrong).containsExactly("receivingAgencyId");
        }

        assertThat(count("select count(*) from case_receiving_agency where case_id = ?", caseId)).isZero();
        assertThat(count("select count(*) from trean.audit_event where action = 'RECEIVING_AGENCY_ASSIGNED' and case_id = ?",
                caseId)).isZero();
        assertThat(count("select count(*) from case_access where case_id = ? and agency_id in (?, ?)", caseId, retired,
                police)).isZero();
        assertThat(taskAs(departmentUser, caseId, "assign_receiving_agency").get("taskId").asText()).isEqualTo(taskId);
    }

    @Test
    void aCommuneThatHasItsOfficerGoesTheUsualWayAndSoDoesACommuneOnceAnAdministratorGaveItOne() {
        UUID staffed = file(staffedCommune);
        assertThat(taskAs(officerUser, staffed, "verify_report").get("candidateGroups").get(0).asText())
                .isEqualTo(staffedOfficer);
        assertThat(hasTask(departmentUser, staffed, "assign_receiving_agency")).isFalse();

        String commune = communeOfQuangTri(5);
        UUID before = file(commune);
        assertThat(hasTask(departmentUser, before, "assign_receiving_agency")).isTrue();
        String newOfficer = createAgency("CHILD_PROTECTION_OFFICER", "Cán bộ bảo vệ trẻ em mới", commune, null, null);

        UUID after = file(commune);
        assertThat(hasTask(departmentUser, after, "assign_receiving_agency")).isFalse();
        assertThat(jdbc.sql("select agency_id from step_record where case_id = ? and step_key = 'verify_report'")
                .param(after).query(String.class).single()).isEqualTo(newOfficer);
    }

    @Test
    void theTwelveHoursCountFromReceiptWhileTheProvinceHasNotYetAssignedAnAgency() {
        String commune = communeOfQuangTri(6);
        Instant receivedAt = Instant.now().minus(java.time.Duration.ofHours(13)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report(commune, receivedAt, "Hồ Văn Bình"))
                .expect(201).body().get("id").asText());
        assertThat(Instant.parse(taskAs(departmentUser, caseId, "assign_receiving_agency").get("dueAt").asText()))
                .isEqualTo(receivedAt.plus(java.time.Duration.ofHours(12)));

        moveClockAndRunDueJobs(Instant.now());

        assertThat(jdbc.sql("""
                        select detail ->> 'steps' from trean.audit_event where action = 'DEADLINE_BREACHED' and case_id = ?""")
                .param(caseId).query(String.class).single()).contains("assign_receiving_agency");
        assertThat(taskAs(departmentUser, caseId, "escalate_breach")).isNotNull();
        assertThat(taskAs(departmentUser, caseId, "assign_receiving_agency")).isNotNull();
    }

    @Test
    void aReportThatWouldReachNobodyIsStillRefused() {
        String province = jdbc.sql("""
                select min(p.code) from locality p where p.list = 'V2025' and p.level = 'PROVINCE'
                and not exists (select 1 from agency a join locality l on l.list = a.locality_list and l.code = a.locality_code
                                where l.code = p.code or l.province_code = p.code)""").query(String.class).single();
        String commune = jdbc.sql("select min(code) from locality where list = 'V2025' and level = 'COMMUNE' "
                + "and retired_at is null and province_code = ?").param(province).query(String.class).single();
        int before = count("select count(*) from case_file");
        Response refused = as("hotline").post("/api/reports", report(commune, Instant.now(), "Lê Văn Tí")).expect(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("commune-not-served");
        assertThat(count("select count(*) from case_file")).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    private UUID file(String commune) {
        return UUID.fromString(as("hotline").post("/api/reports", report(commune, Instant.now(), "Hồ Văn Nam"))
                .expect(201).body().get("id").asText());
    }

    /** The n-th commune of Quảng Trị (today's list) by code; the first is the one the tests give an officer. */
    private String communeOfQuangTri(int n) {
        return jdbc.sql("select code from locality where list = 'V2025' and level = 'COMMUNE' and retired_at is null "
                + "and province_code = ? order by code offset ? limit 1").param(QUANG_TRI).param(n)
                .query(String.class).single();
    }

    private java.util.Optional<String> existingAgency(String kind, String locality) {
        return jdbc.sql("select min(id) from agency where kind = ? and locality_code = ? and valid_to is null")
                .param(kind).param(locality).query(String.class).optional().filter(id -> id != null);
    }

    private String createAgency(String kind, String name, String locality, String from, String to) {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", kind);
        request.put("name", name);
        request.put("localityCode", locality);
        if (from != null) {
            request.put("validFrom", from);
        }
        if (to != null) {
            request.put("validTo", to);
        }
        return as("admin").post("/api/admin/agencies", request).expect(201).body().get("id").asText();
    }

    /** A person of the agency, created once by the administrator, who has replaced their one-time password. */
    private String ensureUser(String username, String role, String agencyId) {
        if (count("select count(*) from app_user where username = ?", username) > 0) {
            return username;
        }
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("displayName", "Người dùng Quảng Trị");
        user.put("role", role);
        user.put("agencyId", agencyId);
        String oneTime = as("admin").post("/api/admin/users", user).expect(201).body().get("oneTimePassword").asText();
        withPassword(username, oneTime).post("/api/account/password",
                Map.of("currentPassword", oneTime, "newPassword", CHOSEN_PASSWORD)).expect(204);
        return username;
    }

    private Api person(String username) {
        return withPassword(username, CHOSEN_PASSWORD);
    }


    private JsonNode taskAs(String username, UUID caseId, String stepKey) {
        for (JsonNode task : person(username).get("/api/tasks?caseId=" + caseId).expect(200).body()) {
            if (task.get("stepKey").asText().equals(stepKey)) {
                return task;
            }
        }
        throw new AssertionError(username + " has no " + stepKey + " task for case " + caseId);
    }

    @Override
    protected boolean hasTask(String username, UUID caseId, String stepKey) {
        Api api = username.contains(".quangtri") ? person(username) : as(username);
        List<String> steps = new ArrayList<>();
        api.get("/api/tasks?caseId=" + caseId).expect(200).body().forEach(t -> steps.add(t.get("stepKey").asText()));
        return steps.contains(stepKey);
    }

    private static JsonNode select(JsonNode form, String key) {
        for (JsonNode c : form.get("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
        }
        throw new AssertionError("no field " + key + " in " + form);
    }

    private String page(String username, String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    (username + ":" + CHOSEN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                            .header("Accept", "text/html").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
