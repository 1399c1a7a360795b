package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.trean.ApiIntegrationTest;
import vn.trean.workflow.UnfoundedReportIntegrationTests;

/** What the tests of the open-data export share: closing a case quickly, a CSV download read exactly as sent. */
abstract class OpenDataExportTest extends ApiIntegrationTest {

    /** The CSV columns of layout 1, as published: never to change. */
    protected static final List<String> V1_COLUMNS = List.of("layoutVersion", "caseNumber", "communeCode",
            "provinceCode", "receivedDate", "closedDate", "category", "abuseForms", "protectionLevel", "emergency",
            "separation", "handlingOutcome", "closingOutcome", "closingReason", "childPseudonym", "childAgeAtReport",
            "childSex", "measureCount", "measures");

    /** Closes a filed report as "verified, not a case": verification found it unfounded, the chairman confirms. */
    protected void closeAsNotACase(UUID caseId) {
        complete("officer", caseId, "verify_report", UnfoundedReportIntegrationTests.unfounded("already_resolved",
                "Gia đình đã hòa giải"));
        complete("chairman", caseId, "confirm_early_close", Map.of("earlyCloseDecision", "confirm"));
    }

    protected String caseNumber(UUID caseId) {
        return jdbc.sql("select case_number from case_file where id = ?").param(caseId).query(String.class).single();
    }

    /** A CSV download, its body exactly as sent: 200, text/csv, in the layout version expected. */
    protected HttpResponse<String> downloadCsv(String user, String path, int layoutVersion) throws IOException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(response.headers().firstValue("X-Layout-Version")).contains(String.valueOf(layoutVersion));
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
