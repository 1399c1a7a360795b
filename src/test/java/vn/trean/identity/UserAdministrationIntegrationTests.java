package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/** Issue 8, item 4: administrators manage people; one-time passwords, password rules, disabling. */
class UserAdministrationIntegrationTests extends ApiIntegrationTest {

    @Autowired
    IdentityService engineIdentity;

    private static String uniqueName(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> newUser(String username, String role, String agencyId) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("displayName", "Trịnh Văn Kiểm Thử");
        user.put("email", username + "@example.vn");
        user.put("role", role);
        user.put("agencyId", agencyId);
        return user;
    }

    private Api person(String username, String password) {
        return anonymous().withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates a user as the administrator and returns their one-time password. */
    private String created(String username, String role, String agencyId) {
        Response response = as("admin").post("/api/admin/users", newUser(username, role, agencyId)).expect(201);
        return response.body().get("oneTimePassword").asText();
    }

    /** Creates a user and replaces the one-time password; returns the password they chose. */
    private String readyToWork(String username, String role, String agencyId) {
        String oneTime = created(username, role, agencyId);
        String chosen = "Bao-ve-tre-em-" + UUID.randomUUID().toString().substring(0, 6);
        person(username, oneTime).post("/api/account/password",
                Map.of("currentPassword", oneTime, "newPassword", chosen)).expect(204);
        return chosen;
    }

    private List<String> fieldsOf(Response response) {
        return response.body().get("errors").findValuesAsText("field");
    }

    private int auditRows(String action, String username) {
        return count("select count(*) from audit_event where action = ? and detail ->> 'username' = ?", action, username);
    }

    @Test
    void anAdministratorCreatesAnOfficerWhoMustReplaceTheOneTimePasswordBeforeWorking() {
        String username = uniqueName("officer");

        Response response = as("admin").post("/api/admin/users", newUser(username, "COMMUNE_OFFICER",
                "child-protection-00025")).expect(201);

        assertThat(response.headers().getCacheControl()).contains("no-store");
        assertThat(response.body().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(response.body().has("passwordHash")).isFalse();
        String oneTime = response.body().get("oneTimePassword").asText();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
        Api newcomer = person(username, oneTime);
        Response blocked = newcomer.get("/api/tasks").expect(403);
        assertThat(blocked.body().get("code").asText()).isEqualTo("password-change-required");

        for (String weak : List.of("Ngan-qua", username + "-Bao-ve-2026", "password1234", "TREAN@2026!!")) {
            Response refused = newcomer.post("/api/account/password", Map.of("currentPassword", oneTime, "newPassword", weak))
                    .expect(400);
            assertThat(fieldsOf(refused)).as("refused: %s", weak).containsExactly("newPassword");
        }
        newcomer.post("/api/account/password", Map.of("currentPassword", "wrong-password-here", "newPassword",
                "Bao-ve-tre-em-Quang-Tri")).expect(400);
        newcomer.post("/api/account/password", Map.of("currentPassword", oneTime, "newPassword", "Bao-ve-tre-em-Quang-Tri"))
                .expect(204);

        person(username, "Bao-ve-tre-em-Quang-Tri").get("/api/tasks").expect(200);
        person(username, oneTime).get("/api/tasks").expect(401);
        assertThat(auditRows("USER_CREATED", username)).isOne();
        assertThat(auditRows("USER_PASSWORD_CHANGED", username)).isOne();
        assertThat(count("select count(*) from audit_event where detail::text like ? or detail::text like ?",
                "%" + oneTime + "%", "%Bao-ve-tre-em-Quang-Tri%")).as("no password in the audit log").isZero();
    }

    @Test
    void theEngineKnowsANewUsersAgencyGroupAtOnce() {
        String username = uniqueName("police");

        created(username, "POLICE", "police-00004");

        assertThat(engineIdentity.createGroupQuery().groupMember(username).list()).extracting(Group::getId)
                .containsExactly("police-00004");
        as("admin").put("/api/admin/users/" + username, Map.of("displayName", "Phạm Văn Chuyển", "role", "POLICE",
                "agencyId", "police-00008")).expect(200);
        assertThat(engineIdentity.createGroupQuery().groupMember(username).list()).extracting(Group::getId)
                .containsExactly("police-00008");
        assertThat(auditRows("USER_UPDATED", username)).isOne();
        String audit = jdbc.sql("select detail::text from audit_event where action = 'USER_UPDATED' "
                + "and detail ->> 'username' = ?").param(username).query(String.class).single();
        assertThat(audit).contains("\"before\"").contains("police-00004").contains("police-00008");
    }

    @Test
    void aTakenUsernameIsAConflictNamingTheUsername() {
        Response person = as("admin").post("/api/admin/users", newUser("officer", "COMMUNE_OFFICER", "child-protection-00004"))
                .expect(409);
        assertThat(fieldsOf(person)).containsExactly("username");
        // the demo's integration account: a person may not take its name either (V18's trigger)
        Response integration = as("admin").post("/api/admin/users",
                newUser("hotline-system", "HOTLINE_OPERATOR", "hotline-111")).expect(409);
        assertThat(fieldsOf(integration)).containsExactly("username");
    }

    @Test
    void anUnknownAgencyIsRefusedNamingTheAgency() {
        Response refused = as("admin").post("/api/admin/users", newUser(uniqueName("nowhere"), "COMMUNE_OFFICER", "no-such-agency"))
                .expect(400);
        assertThat(fieldsOf(refused)).containsExactly("agencyId");
    }

    @Test
    void onlyAnAdministratorManagesPeople() {
        as("officer").get("/api/admin/users").expect(403);
        as("owner").post("/api/admin/users", newUser(uniqueName("x"), "COMMUNE_OFFICER", "child-protection-00004")).expect(403);
        anonymous().get("/api/admin/users").expect(401);
        JsonNode listed = as("admin").get("/api/admin/users?agency=child-protection-00004&role=COMMUNE_OFFICER").expect(200).body();
        assertThat(listed.findValuesAsText("username")).contains("officer").doesNotContain("police", "admin");
        assertThat(listed.toString()).doesNotContain("password_hash").doesNotContain("passwordHash").doesNotContain("$2a$");
    }

    @Test
    void aDisabledUserIsRefusedAtOnceAndTheirClaimedTaskGoesBackToTheAgency() {
        String username = uniqueName("officer");
        String password = readyToWork(username, "COMMUNE_OFFICER", "child-protection-00004");
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        Api officer = person(username, password);
        officer.post("/api/tasks/" + taskId + "/claim", null).expect(204);
        assertThat(officer.get("/api/tasks?caseId=" + caseId).expect(200).body().findValuesAsText("assignee"))
                .containsExactly(username);
        assertThat(hasTask("officer", caseId, "verify_report")).as("claimed: gone from the colleague's list").isFalse();

        as("admin").post("/api/admin/users/" + username + "/disable", null).expect(204);

        officer.get("/api/tasks").expect(401);
        JsonNode task = taskOf("officer", caseId, "verify_report");
        assertThat(task.get("assignee")).as("back in the agency's list, unassigned").isNull();
        assertThat(engineIdentity.createUserQuery().userId(username).count()).isZero();
        assertThat(auditRows("USER_DISABLED", username)).isOne();

        as("admin").post("/api/admin/users/" + username + "/enable", null).expect(204);

        officer.get("/api/tasks").expect(200);
        assertThat(engineIdentity.createGroupQuery().groupMember(username).list()).extracting(Group::getId)
                .containsExactly("child-protection-00004");
        assertThat(auditRows("USER_ENABLED", username)).isOne();
    }

    @Test
    void disablingEndsTheUsersSignedInSessions() {
        String username = uniqueName("chairman");
        String password = readyToWork(username, "COMMUNE_CHAIRMAN", "committee-00004");
        CookieSession session = CookieSession.signIn(port, username, password);
        assertThat(session.get(port, "/api/tasks").statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from spring_session where principal_name = ?", username)).isPositive();

        as("admin").post("/api/admin/users/" + username + "/disable", null).expect(204);

        assertThat(count("select count(*) from spring_session where principal_name = ?", username)).isZero();
        assertThat(session.get(port, "/api/tasks").statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonWithAOneTimePasswordIsSentToTheChangePasswordPageAndCanChangeItThere() {
        String username = uniqueName("health");
        String oneTime = created(username, "HEALTH", "health-station-00004");
        CookieSession session = CookieSession.signIn(port, username, oneTime);

        var tasks = session.get(port, "/tasks");
        assertThat(tasks.statusCode()).isEqualTo(302);
        assertThat(tasks.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        String token = session.pageToken(port, "/account/password");
        var weak = session.postForm(port, "/account/password", Map.of("currentPassword", oneTime,
                "newPassword", "password1234", "_csrf", token));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("newPassword-error");
        var changed = session.postForm(port, "/account/password", Map.of("currentPassword", oneTime,
                "newPassword", "Tram-y-te-Ba-Dinh-2026", "_csrf", token));
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(session.get(port, "/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void theLastEnabledAdministratorCanNeitherBeDisabledNorDemoted() {
        // other tests (the first administrator's) may have left administrators behind: only admin stays enabled
        jdbc.sql("update app_user set enabled = (username = 'admin') where role = 'ADMIN'").update();

        assertThat(as("admin").post("/api/admin/users/admin/disable", null).expect(409).body().get("code").asText())
                .isEqualTo("last-administrator");
        as("admin").put("/api/admin/users/admin", Map.of("displayName", "Quản trị hệ thống", "role", "PROCESS_OWNER",
                "agencyId", "health-dept-01")).expect(409);
        as("admin").get("/api/admin/users").expect(200);
    }

    @Test
    void aPasswordResetGivesANewOneTimePasswordAndTheOldPasswordStopsAtOnce() {
        String username = uniqueName("teacher");
        String password = readyToWork(username, "EDUCATION", "school-00004");
        person(username, password).get("/api/tasks").expect(200);

        Response reset = as("admin").post("/api/admin/users/" + username + "/reset-password", null).expect(200);

        assertThat(reset.headers().getCacheControl()).contains("no-store");
        String oneTime = reset.body().get("oneTimePassword").asText();
        person(username, password).get("/api/tasks").expect(401);
        assertThat(person(username, oneTime).get("/api/tasks").expect(403).body().get("code").asText())
                .isEqualTo("password-change-required");
        assertThat(auditRows("USER_PASSWORD_RESET", username)).isOne();
    }
}
