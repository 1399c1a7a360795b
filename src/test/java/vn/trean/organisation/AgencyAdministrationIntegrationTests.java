package vn.trean.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/**
 * Administrators manage agencies as data. The tests share the demo organisation with every other test: they
 * create their own agencies and leave the demo's agencies and tasks where they found them.
 */
class AgencyAdministrationIntegrationTests extends ApiIntegrationTest {

    @Autowired
    IdentityService engineIdentity;

    @Test
    void anAdministratorCreatesAWomensUnionInACommuneAndFindsItListedWithItsDates() {
        JsonNode created = as("admin").post("/api/admin/agencies", Map.of("kind", "WOMENS_UNION",
                "name", "Hội Liên hiệp Phụ nữ phường", "localityCode", "00025")).expect(201).body();
        String id = created.get("id").asText();
        assertThat(id).startsWith("womens-union-00025");
        assertThat(created.get("validFrom").asText()).isEqualTo(today().toString());
        assertThat(created.has("validTo")).as("open-ended").isFalse();
        assertThat(created.get("provinceCode").asText()).isEqualTo("01");

        assertThat(engineIdentity.createGroupQuery().groupId(id).singleResult().getName())
                .as("the engine knows the new agency's group without a restart").isEqualTo("Hội Liên hiệp Phụ nữ phường");

        JsonNode listed = as("admin").get("/api/admin/agencies?locality=00025").expect(200).body();
        assertThat(ids(listed)).contains(id, "police-00025");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where actor = 'admin' and action = 'AGENCY_CREATED'
                        and detail ->> 'agencyId' = ? and coalesce(detail -> 'before', 'null'::jsonb) = 'null'::jsonb
                        and detail -> 'after' ->> 'kind' = 'WOMENS_UNION'""")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSecondSchoolOfACommuneGetsItsOwnId() {
        String first = createAgency("SCHOOL", "Trường THCS phường", "00008");
        String second = createAgency("SCHOOL", "Trường Mầm non phường", "00008");
        assertThat(first).startsWith("school-00008-").isNotEqualTo(second);
        assertThat(second).startsWith("school-00008-");
    }

    @Test
    void aCommuneThatDoesNotExistIsRefusedNamingTheLocalityCode() {
        JsonNode problem = as("admin").post("/api/admin/agencies", Map.of("kind", "WOMENS_UNION",
                "name", "Hội Liên hiệp Phụ nữ", "localityCode", "99999")).expect(400).body();
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("localityCode");
    }

    @Test
    void aProvinceIsNotACommuneForACommuneKindNorACommuneAProvinceForAProvincialKind() {
        as("admin").post("/api/admin/agencies", Map.of("kind", "POLICE", "name", "Công an", "localityCode", "01"))
                .expect(400);
        JsonNode problem = as("admin").post("/api/admin/agencies", Map.of("kind", "LEGAL_AID",
                "name", "Trung tâm Trợ giúp pháp lý", "localityCode", "00025")).expect(400).body();
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("localityCode");
    }

    @Test
    void aDistrictLabourOfficeBelongsToADistrictOfTheLegacyList() {
        String legacyDistrict = jdbc.sql("select min(code) from locality where list = 'LEGACY' and level = 'DISTRICT'"
                + " and province_code = '01'").query(String.class).single();
        JsonNode created = as("admin").post("/api/admin/agencies", Map.of("kind", "DISTRICT_LABOUR_OFFICE",
                "name", "Phòng LĐ-TB&XH quận", "localityCode", legacyDistrict, "validFrom", "2016-06-01",
                "validTo", "2025-06-30")).expect(201).body();
        assertThat(created.get("localityList").asText()).isEqualTo("LEGACY");
        assertThat(created.get("validTo").asText()).isEqualTo("2025-06-30");
    }

    @Test
    void onlyAdministratorsManageAgencies() {
        Map<String, Object> request = Map.of("kind", "WOMENS_UNION", "name", "Hội Phụ nữ", "localityCode", "00025");
        as("officer").post("/api/admin/agencies", request).expect(403);
        as("supervisor").get("/api/admin/agencies").expect(403);
        anonymous().get("/api/admin/agencies").expect(401);
    }

    @Test
    void anAgencyIsRenamedAndItsLastDaySetWithBeforeAndAfterInTheAuditLog() {
        String id = createAgency("VILLAGE_COLLABORATOR", "Cộng tác viên tổ 5", "00025");
        JsonNode changed = as("admin").put("/api/admin/agencies/" + id,
                Map.of("name", "Cộng tác viên tổ dân phố 5", "validTo", today().plusDays(30).toString())).expect(200).body();
        assertThat(changed.get("name").asText()).isEqualTo("Cộng tác viên tổ dân phố 5");
        assertThat(jdbc.sql("""
                        select detail ->> 'before' || ' -> ' || (detail ->> 'after') from audit_event
                        where action = 'AGENCY_CHANGED' and detail ->> 'agencyId' = ?""")
                .param(id).query(String.class).single()).contains("Cộng tác viên tổ 5", "Cộng tác viên tổ dân phố 5");
        as("admin").put("/api/admin/agencies/police-unknown", Map.of("name", "x")).expect(404);
    }

    @Test
    void anAgencyWithOpenTasksIsRetiredOnlyOnceItsTasksAreMovedToAnother() {
        UUID caseId = caseWithAPoliceMeasure();
        String taskId = taskOf("police", caseId, "implement_measure").get("taskId").asText();

        JsonNode refused = as("admin").post("/api/admin/agencies/police-00004/retire", Map.of()).expect(409).body();
        assertThat(refused.get("code").asText()).isEqualTo("agency-has-open-tasks");
        assertThat(taskIds(refused.get("openTasks"))).contains(taskId);
        assertThat(openTask(refused.get("openTasks"), taskId).get("stepKey").asText()).isEqualTo("implement_measure");
        assertThat(jdbc.sql("select valid_to from agency where id = 'police-00004'").query(java.sql.Date.class)
                .optional()).isEmpty();

        // a second police agency of the commune takes over the open tasks of police-00004, claimed ones too...
        as("police").post("/api/tasks/" + taskId + "/claim", null).expect(204);
        String standIn = createAgency("POLICE", "Công an phường (tổ công tác)", COMMUNE_A);
        JsonNode moved = as("admin").post("/api/admin/agencies/police-00004/move-open-tasks",
                Map.of("toAgencyId", standIn)).expect(200).body();
        assertThat(taskIds(moved.get("moved"))).contains(taskId);
        assertThat(agenciesOf(taskId)).containsExactly(standIn);
        assertThat(count("select count(*) from notification where agency_id = ? and task_id = ? and kind = 'NEW_TASK'",
                standIn, taskId)).as("the agency that holds it now is told").isEqualTo(1);
        assertThat(jdbc.sql("select assignee from work_item where task_id = ?").param(taskId).query(String.class)
                .optional()).as("the old agency's claim is released").isEmpty();
        assertThat(hasTask("police", caseId, "implement_measure")).isFalse();
        assertThat(jdbc.sql("select count(*) from case_access where case_id = ? and agency_id = ?")
                .param(caseId).param(standIn).query(Long.class).single()).isEqualTo(1);

        // ...it cannot be retired while it holds them, and is retired once they went back
        JsonNode standInRefused = as("admin").post("/api/admin/agencies/" + standIn + "/retire", Map.of()).expect(409)
                .body();
        assertThat(taskIds(standInRefused.get("openTasks"))).contains(taskId);
        as("admin").post("/api/admin/agencies/" + standIn + "/move-open-tasks", Map.of("toAgencyId", "police-00004"))
                .expect(200);
        assertThat(agenciesOf(taskId)).containsExactly("police-00004");
        assertThat(hasTask("police", caseId, "implement_measure")).isTrue();
        JsonNode retired = as("admin").post("/api/admin/agencies/" + standIn + "/retire", Map.of()).expect(200).body();
        assertThat(retired.get("validTo").asText()).isEqualTo(today().toString());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AGENCY_OPEN_TASKS_MOVED'"
                        + " and detail -> 'after' ->> 'agencyId' = ?").param(standIn).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void openTasksGoOnlyToAnotherAgencyInService() {
        JsonNode problem = as("admin").post("/api/admin/agencies/police-00008/move-open-tasks",
                Map.of("toAgencyId", "labour-dept-01")).expect(400).body();
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("toAgencyId");
        as("admin").post("/api/admin/agencies/police-00008/move-open-tasks", Map.of("toAgencyId", "nowhere"))
                .expect(400);
    }

    private String createAgency(String kind, String name, String locality) {
        Map<String, Object> request = new HashMap<>();
        request.put("kind", kind);
        request.put("name", name);
        request.put("localityCode", locality);
        return as("admin").post("/api/admin/agencies", request).expect(201).body().get("id").asText();
    }

    private List<String> agenciesOf(String taskId) {
        return List.of(jdbc.sql("select agencies from work_item where task_id = ?").param(taskId)
                .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single());
    }

    private static List<String> ids(JsonNode agencies) {
        List<String> ids = new ArrayList<>();
        agencies.forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private static List<String> taskIds(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("taskId").asText()));
        return ids;
    }

    private static JsonNode openTask(JsonNode tasks, String taskId) {
        for (JsonNode task : tasks) {
            if (task.get("taskId").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("no task " + taskId + " in " + tasks);
    }
}
