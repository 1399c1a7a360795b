package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Issue 11, item 10: the engine's webapps are pages: refused as a page, dates written as the app writes them. */
class CamundaWebappsPagesIntegrationTests extends ApiIntegrationTest {

    @Test
    void anOfficerOpeningTheEnginesWebappsGetsTheAppsForbiddenPageNotJson() throws Exception {
        HttpResponse<String> response = get("officer", "/camunda/app/");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(response.body()).contains("<h1>Không có quyền</h1>").contains("id=\"main\"")
                .doesNotContain("\"status\":403");
        assertThat(get("officer", "/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void theWebappsWriteDatesDayFirstOnATwentyFourHourClock() throws Exception {
        HttpResponse<String> config = get("admin", "/camunda/app/tasklist/scripts/config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("normal: 'DD/MM/YYYY HH:mm'").contains("shortcuts");
        for (String app : java.util.List.of("cockpit", "admin")) {
            HttpResponse<String> own = get("admin", "/camunda/app/" + app + "/scripts/config.js");
            assertThat(own.statusCode()).as(app).isEqualTo(200);
            assertThat(own.body()).as(app).contains("normal: 'DD/MM/YYYY HH:mm'").contains("export default {");
        }
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "text/html,application/xhtml+xml").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
