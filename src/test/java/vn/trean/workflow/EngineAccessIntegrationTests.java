package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

class EngineAccessIntegrationTests extends ApiIntegrationTest {

    @Autowired
    IdentityService identity;

    @Test
    void anonymousCallsToTheEngineRestApiAreUnauthorized() {
        anonymous().get("/engine-rest/engine").expect(401);
        anonymous().get("/engine-rest/task").expect(401);
        anonymous().get("/engine-rest/process-definition").expect(401);
        anonymous().post("/engine-rest/process-definition/key/case_intervention/start", java.util.Map.of()).expect(401);
    }

    @Test
    void onlyProcessOwnersAndAdminsReachTheEngineRestApi() {
        as("officer").get("/engine-rest/task").expect(403);
        as("supervisor").get("/engine-rest/task").expect(403);
        var definitions = as("owner").get("/engine-rest/process-definition?key=case_intervention").expect(200).body();
        assertThat(definitions).isNotEmpty();
        as("admin").get("/engine-rest/deployment").expect(200);
    }

    @Test
    void engineGroupsAreTheAgenciesUsersWorkIn() {
        assertThat(identity.createGroupQuery().groupMember("officer").list()).extracting(Group::getId)
                .containsExactly("child-protection-00004");
        assertThat(identity.createGroupQuery().groupMember("owner").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("health-dept-01", "camunda-admin");
        // other test classes add people to the same agency (the database is shared): the demo's are what counts
        assertThat(identity.createUserQuery().memberOfGroup("police-00004").list()).extracting(u -> u.getId())
                .contains("police").doesNotContain("officer", "teacher");
        assertThat(identity.createUserQuery().userId("officer").singleResult().getLastName()).isEqualTo("Nguyễn Văn");
    }

    @Test
    void camundaWebappsAreForProcessOwnersAndAdmins() {
        as("admin").get("/camunda/app/cockpit/default/").expect(200);
        as("owner").get("/camunda/app/tasklist/default/").expect(200);
        as("officer").get("/camunda/app/tasklist/default/").expect(403);
    }

    @Test
    void apiDocumentationIsPublishedToSignedInUsers() {
        anonymous().get("/v3/api-docs").expect(401);
        var docs = as("officer").get("/v3/api-docs").expect(200).body();
        assertThat(docs.get("paths").has("/api/reports")).isTrue();
        assertThat(docs.get("paths").has("/api/tasks/{taskId}/complete")).isTrue();
    }
}
