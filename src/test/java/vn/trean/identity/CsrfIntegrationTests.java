package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * A state-changing API call that only the browser's session cookie authenticates needs the CSRF token
 * the pages hand their scripts; a forged cross-site request has the cookie but not the token. HTTP
 * Basic carries its own credentials and needs none.
 */
class CsrfIntegrationTests extends ApiIntegrationTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aReportFiledWithTheSessionCookieAloneIsRefusedAndNothingIsWritten() throws Exception {
        var session = CookieSession.signIn(port, "hotline", PASSWORD);
        String marker = "Cookie " + UUID.randomUUID().toString().substring(0, 8);
        var refused = session.postJson(port, "/api/reports", json.writeValueAsString(report(COMMUNE_A, Instant.now(), marker)),
                null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from child where full_name = ?", marker)).isZero();
    }

    @Test
    void aReportFiledWithTheSessionCookieAndThePagesTokenIsAccepted() throws Exception {
        var session = CookieSession.signIn(port, "hotline", PASSWORD);
        String token = session.pageToken(port, "/reports/new");
        var accepted = session.postJson(port, "/api/reports",
                json.writeValueAsString(report(COMMUNE_A, Instant.now(), "Nguyễn Văn An")), token);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aReportFiledWithHttpBasicNeedsNoToken() {
        as("hotline").post("/api/reports", report(COMMUNE_A, Instant.now(), "Nguyễn Văn Bình")).expect(201);
    }

    @Test
    void aDocumentUploadedWithTheSessionCookieAloneIsRefusedAndWithTheTokenAccepted() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        var session = CookieSession.signIn(port, "officer", PASSWORD);
        String path = "/api/cases/" + caseId + "/documents";

        assertThat(session.postFile(port, path, "forged.pdf", PDF, null).statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from document where case_id = ?", caseId)).isZero();

        String token = session.pageToken(port, "/cases/" + caseId);
        var accepted = session.postFile(port, path, "biên bản.pdf", PDF, token);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aDocumentUploadedWithHttpBasicNeedsNoToken() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        var uploaded = multipart("officer", "/api/cases/" + caseId + "/documents", Map.of(), "file", Map.of("x.pdf", PDF));
        assertThat(uploaded.statusCode()).isEqualTo(201);
    }

    @Test
    void theEngineRestApiAlsoNeedsTheTokenWhenTheSessionCookieAuthenticatesIt() {
        var session = CookieSession.signIn(port, "owner", PASSWORD);
        // POST /engine-rest/task is a query: harmless, but a write as far as CSRF is concerned
        assertThat(session.postJson(port, "/engine-rest/task", "{}", null).statusCode()).isEqualTo(403);
        String token = session.pageToken(port, "/models");
        assertThat(session.postJson(port, "/engine-rest/task", "{}", token).statusCode()).isEqualTo(200);
        assertThat(as("owner").post("/engine-rest/task", java.util.Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anApiCallWithoutAnySessionStillGetsItsUnauthorizedAnswer() {
        anonymous().post("/api/reports", report(COMMUNE_A, Instant.now(), "Ai đó")).expect(401);
    }
}
