package vn.trean.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class CaseDocumentsIntegrationTests extends ApiIntegrationTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void documentIsUploadedListedAndDownloadedByThoseWhoNeedToKnow() throws Exception {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        HttpResponse<String> uploaded = upload("officer", caseId, "biên bản.pdf", PDF);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String documentId = json.readTree(uploaded.body()).get("id").asText();

        var list = as("chairman").get("/api/cases/" + caseId + "/documents").expect(200).body();
        assertThat(list.get(0).get("filename").asText()).isEqualTo("biên bản.pdf");
        assertThat(list.get(0).get("contentType").asText()).isEqualTo("application/pdf");

        HttpResponse<byte[]> download = get("chairman", "/api/cases/" + caseId + "/documents/" + documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        assertThat(get("officer.ngocha", "/api/cases/" + caseId + "/documents/" + documentId).statusCode()).isEqualTo(404);
        assertThat(upload("officer.ngocha", caseId, "x.pdf", PDF).statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from audit_event where case_id = ? and action in ('DOCUMENT_UPLOADED', 'DOCUMENT_READ')",
                caseId)).isEqualTo(2);
    }

    @Test
    void policeSeeOnlyTheDocumentsTheirAgencyAddedLikeTheRestOfTheCase() throws Exception {
        UUID caseId = caseWithAPoliceMeasure();
        String medical = json.readTree(upload("officer", caseId, "giám định y tế.pdf", PDF).body()).get("id").asText();
        String record = json.readTree(upload("police", caseId, "biên bản công an.pdf", PDF).body()).get("id").asText();

        var seenByPolice = as("police").get("/api/cases/" + caseId + "/documents").expect(200).body();
        assertThat(seenByPolice).extracting(d -> d.get("id").asText()).containsExactly(record);
        assertThat(get("police", "/api/cases/" + caseId + "/documents/" + medical).statusCode()).isEqualTo(404);
        assertThat(get("police", "/api/cases/" + caseId + "/documents/" + record).statusCode()).isEqualTo(200);

        var seenByOfficer = as("officer").get("/api/cases/" + caseId + "/documents").expect(200).body();
        assertThat(seenByOfficer).extracting(d -> d.get("id").asText()).containsExactlyInAnyOrder(medical, record);
        assertThat(get("supervisor", "/api/cases/" + caseId + "/documents/" + medical).statusCode()).isEqualTo(200);
        assertThat(get("health", "/api/cases/" + caseId + "/documents/" + record).statusCode()).isEqualTo(404);
    }

    @Test
    void fileThatIsNotAPdfOrAnImageIsRefusedWhateverItsName() throws Exception {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        HttpResponse<String> response = upload("officer", caseId, "photo.jpg", "MZ\u0090 not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("document-type");
        assertThat(as("officer").get("/api/cases/" + caseId + "/documents").expect(200).body()).isEmpty();
    }

    @Test
    void fileOverTenMegabytesIsRefused() throws Exception {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        HttpResponse<String> response = upload("officer", caseId, "big.pdf", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("document-too-large");
    }

    private HttpResponse<String> upload(String user, UUID caseId, String filename, byte[] content) {
        return multipart(user, "/api/cases/" + caseId + "/documents", java.util.Map.of(), "file",
                java.util.Map.of(filename, content));
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
