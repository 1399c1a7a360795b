package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Issue 8, item 5: integrations call the API with a scoped, revocable API token, audited under their name. */
class IntegrationTokenIntegrationTests extends ApiIntegrationTest {

    private record Integration(String id, String name, String tokenId, String token) {
    }

    /** An administrator creates a hotline integration (reports:file) and issues it a token, through the API. */
    private Integration hotlineIntegration() {
        String name = "hotline-sys-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode account = as("admin").post("/api/admin/integrations", Map.of("name", name, "displayName", "Tổng đài (hệ thống)",
                "role", "HOTLINE_OPERATOR", "agencyId", "hotline-111", "scopes", List.of("reports:file"))).expect(201).body();
        String id = account.get("id").asText();
        JsonNode token = as("admin").post("/api/admin/integrations/" + id + "/tokens", Map.of()).expect(201).body();
        return new Integration(id, name, token.get("id").asText(), token.get("token").asText());
    }

    private Api bearer(String token) {
        return anonymous().withHeader("Authorization", "Bearer " + token);
    }

    @Test
    void aTokenFilesAReportAndTheCaseIsAuditedUnderTheIntegrationsName() {
        Integration integration = hotlineIntegration();
        assertThat(integration.token()).startsWith("trean_").hasSizeGreaterThanOrEqualTo(6 + 43);

        Response filed = bearer(integration.token()).post("/api/reports", report(COMMUNE_A, Instant.now(), "Lê Văn Tí"))
                .expect(201);

        UUID caseId = UUID.fromString(filed.body().get("id").asText());
        assertThat(jdbc.sql("select actor from audit_event where case_id = ? and action = 'CASE_OPENED'").param(caseId)
                .query(String.class).single()).isEqualTo(integration.name());
        // the hotline's agency filed it: the Ba Đình officer has the verification task as for any hotline report
        assertThat(hasTask("officer", caseId, "verify_report")).isTrue();
        assertThat(jdbc.sql("select last_used_at from api_token where id = ?").param(UUID.fromString(integration.tokenId()))
                .query(java.sql.Timestamp.class).single()).isNotNull();
    }

    @Test
    void aCookielessBearerPostNeedsNoCsrfToken() {
        Integration integration = hotlineIntegration();

        Response checked = bearer(integration.token()).post("/api/reports/duplicates",
                report(COMMUNE_A, Instant.now(), "Lê Văn Tí"));

        checked.expect(200);
        assertThat(checked.headers().get("Set-Cookie")).as("a token call opens no session").isNull();
    }

    @Test
    void aTokenOutsideItsScopesGetsForbidden() {
        Integration integration = hotlineIntegration();

        Response tasks = bearer(integration.token()).get("/api/tasks").expect(403);

        assertThat(tasks.body().get("code").asText()).isEqualTo("token-scope");
        bearer(integration.token()).get("/api/notifications").expect(403);
        bearer(integration.token()).get("/api/admin/integrations").expect(403);
    }

    @Test
    void aTokenIsNoCredentialForTheEngineRestApiTheWebappsNorThePages() {
        Integration integration = hotlineIntegration();

        assertThat(bearer(integration.token()).get("/engine-rest/engine").status()).isEqualTo(401);
        assertThat(bearer(integration.token()).get("/engine-rest/task").status()).isEqualTo(401);
        // pages and webapps answer exactly as to an anonymous caller
        for (String page : List.of("/tasks", "/reports/new", "/board", "/camunda/app/welcome/default/")) {
            int anonymousAnswer = anonymous().get(page).status();
            assertThat(anonymousAnswer).as(page).isIn(302, 401);
            assertThat(bearer(integration.token()).get(page).status()).as(page).isEqualTo(anonymousAnswer);
        }
    }

    @Test
    void aRevokedOrExpiredTokenGetsExactlyTheAnswerOfAnUnknownOne() {
        Integration revoked = hotlineIntegration();
        Integration expired = hotlineIntegration();
        as("admin").post("/api/admin/integrations/" + revoked.id() + "/tokens/" + revoked.tokenId() + "/revoke", null)
                .expect(204);
        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = ?")
                .param(UUID.fromString(expired.tokenId())).update();
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Lê Văn Tí");

        Response unknown = bearer("trean_" + "A".repeat(43)).post("/api/reports", report).expect(401);
        Response afterRevoke = bearer(revoked.token()).post("/api/reports", report).expect(401);
        Response afterExpiry = bearer(expired.token()).post("/api/reports", report).expect(401);
        Response garbage = bearer("not a token").post("/api/reports", report).expect(401);

        for (Response same : List.of(afterRevoke, afterExpiry, garbage)) {
            assertThat(same.body()).isEqualTo(unknown.body());
            assertThat(same.headers().get("WWW-Authenticate")).isEqualTo(unknown.headers().get("WWW-Authenticate"));
        }
        assertThat(unknown.body().get("code").asText()).isEqualTo("token-invalid");
        // revoking again changes nothing; the revocation is in the audit log under the administrator
        as("admin").post("/api/admin/integrations/" + revoked.id() + "/tokens/" + revoked.tokenId() + "/revoke", null)
                .expect(204);
        assertThat(count("select count(*) from audit_event where actor = 'admin' and action = 'INTEGRATION_TOKEN_REVOKED' "
                + "and detail ->> 'tokenId' = ?", revoked.tokenId())).isEqualTo(1);
    }

    @Test
    void theTokenIsStoredOnlyAsItsHashAndNeverListed() throws Exception {
        Integration integration = hotlineIntegration();

        var row = jdbc.sql("select token_hash, hint, id::text, account_id::text from api_token where id = ?")
                .param(UUID.fromString(integration.tokenId()))
                .query((rs, i) -> List.of(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(integration.token().getBytes(StandardCharsets.UTF_8));

        assertThat((byte[]) row.get(0)).isEqualTo(sha256);
        assertThat(integration.token()).startsWith(((String) row.get(1)).replace("…", ""));
        String wholeRow = jdbc.sql("select row_to_json(t)::text from api_token t where id = ?")
                .param(UUID.fromString(integration.tokenId())).query(String.class).single();
        assertThat(wholeRow).doesNotContain(integration.token().substring(10));
        String listed = as("admin").get("/api/admin/integrations").expect(200).body().toString();
        assertThat(listed).contains(integration.tokenId()).doesNotContain(integration.token());
        String audited = jdbc.sql("select string_agg(detail::text, ' ') from audit_event where detail ->> 'accountId' = ?")
                .param(integration.id()).query(String.class).single();
        assertThat(audited).contains(integration.tokenId()).doesNotContain(integration.token());
    }

    @Test
    void everyChangeToIntegrationsIsAuditedUnderTheAdministrator() {
        Integration integration = hotlineIntegration();

        List<String> actions = jdbc.sql("select actor || ' ' || action from audit_event where detail ->> 'accountId' = ? order by id")
                .param(integration.id()).query(String.class).list();

        assertThat(actions).containsExactly("admin INTEGRATION_CREATED", "admin INTEGRATION_TOKEN_ISSUED");
    }

    @Test
    void onlyAdministratorsManageIntegrations() {
        for (String user : List.of("hotline", "officer", "chairman", "police", "teacher", "health", "supervisor", "owner")) {
            assertThat(as(user).get("/api/admin/integrations").status()).as(user).isEqualTo(403);
            assertThat(as(user).post("/api/admin/integrations", Map.of()).status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/admin/integrations").status()).isEqualTo(401);
    }

    @Test
    void anIntegrationNeedsAnAllowedRoleAKnownAgencyKnownScopesAndAFreeName() {
        Response admin = as("admin").inLanguage("en").post("/api/admin/integrations", Map.of("name", "robot-admin",
                "role", "ADMIN", "agencyId", "nowhere", "scopes", List.of("reports:file"))).expect(400);
        assertThat(admin.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("role", "agencyId");

        as("admin").post("/api/admin/integrations", Map.of("name", "robot-scope", "role", "HOTLINE_OPERATOR",
                "agencyId", "hotline-111", "scopes", List.of("engine:everything"))).expect(400);
        as("admin").post("/api/admin/integrations", Map.of("name", "robot-none", "role", "HOTLINE_OPERATOR",
                "agencyId", "hotline-111", "scopes", List.of())).expect(400);
        Response personsName = as("admin").post("/api/admin/integrations", Map.of("name", "officer", "role", "HOTLINE_OPERATOR",
                "agencyId", "hotline-111", "scopes", List.of("reports:file"))).expect(409);
        assertThat(personsName.body().get("code").asText()).isEqualTo("integration-name-taken");
        as("admin").post("/api/admin/integrations/" + UUID.randomUUID() + "/tokens", Map.of()).expect(404);
        Integration integration = hotlineIntegration();
        as("admin").post("/api/admin/integrations/" + integration.id() + "/tokens",
                Map.of("expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())).expect(400);
    }

    @Test
    void aPersonCannotTakeTheNameOfAnIntegration() {
        Integration integration = hotlineIntegration();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, agency_id)
                        values (?, 'x', 'Người trùng tên', 'HOTLINE_OPERATOR', 'hotline-111')""")
                        .param(integration.name()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void theDemoHasAHotlineSystemIntegrationThatFilesReports() {
        JsonNode accounts = as("admin").get("/api/admin/integrations").expect(200).body();
        JsonNode demo = null;
        for (JsonNode account : accounts) {
            if (account.get("name").asText().equals("hotline-system")) {
                demo = account;
            }
        }
        assertThat(demo).as("the demo's hotline system").isNotNull();
        assertThat(demo.get("role").asText()).isEqualTo("HOTLINE_OPERATOR");
        assertThat(demo.get("agencyId").asText()).isEqualTo("hotline-111");
        assertThat(demo.get("scopes").get(0).asText()).isEqualTo("reports:file");
    }
}
