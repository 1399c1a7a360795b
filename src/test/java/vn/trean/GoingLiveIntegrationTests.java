package vn.trean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "done when": the README's walkthrough "Going live: set up a province (Quảng Trị)" through the API —
 * a province's department and one commune's agencies, ten people from the import template (dry run, then for
 * real), the officer's first sign-in, a report in that commune reaching that officer and nobody else.
 * Mỹ Thuỷ (19741) is used by no other test; what an earlier run left there is reused, so reruns on the same
 * database pass (the people are new on every run).
 */
class GoingLiveIntegrationTests extends ApiIntegrationTest {

    private static final String QUANG_TRI = "44";
    private static final String MY_THUY = "19741";
    /** Before any report the test files, whatever the day (agencies created today serve from today). */
    private static final String SERVES_FROM = "2025-07-01";

    @Test
    void aProvinceSetUpThroughTheAdministrationReceivesAReportAtItsNewOfficer() throws Exception {
        String department = agencyOf(QUANG_TRI, "PROVINCE_HEALTH_DEPT", "Sở Y tế Quảng Trị");
        String committee = agencyOf(MY_THUY, "PEOPLES_COMMITTEE", "UBND xã Mỹ Thuỷ");
        String officerAgency = agencyOf(MY_THUY, "CHILD_PROTECTION_OFFICER", "Cán bộ BVTE xã Mỹ Thuỷ");
        String police = agencyOf(MY_THUY, "POLICE", "Công an xã Mỹ Thuỷ");
        String station = agencyOf(MY_THUY, "HEALTH_STATION", "Trạm Y tế xã Mỹ Thuỷ");
        String school = agencyOf(MY_THUY, "SCHOOL", "Trường Tiểu học Mỹ Thuỷ");
        assertThat(as("admin").get("/api/admin/routing/gaps?province=" + QUANG_TRI).expect(200).body().get("communes")
                .findValuesAsText("communeCode")).as("Mỹ Thuỷ has an agency for every role").doesNotContain(MY_THUY);

        String run = UUID.randomUUID().toString().substring(0, 6);
        String officer = "mt.canbo." + run;
        String template = new String(download("/api/admin/users/import-template?format=csv"), StandardCharsets.UTF_8);
        assertThat(template).isEqualTo("\uFEFFusername,displayName,email,role,agencyId\r\n");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put(officer, "Nguyễn Thị Lan,lan@example.vn,COMMUNE_OFFICER," + officerAgency);
        rows.put("mt.chutich." + run, "Trần Văn Hùng,,COMMUNE_CHAIRMAN," + committee);
        rows.put("mt.congan." + run, "Lê Minh Tuấn,,POLICE," + police);
        rows.put("mt.congan2." + run, "Phạm Quốc Bảo,,POLICE," + police);
        rows.put("mt.yte." + run, "Hoàng Thị Mai,,HEALTH," + station);
        rows.put("mt.giaovien." + run, "Võ Thị Hạnh,,EDUCATION," + school);
        rows.put("mt.canbo2." + run, "Đặng Văn Nam,,COMMUNE_OFFICER," + officerAgency);
        rows.put("qt.giamsat." + run, "Ngô Thị Thu,,PROVINCE_SUPERVISOR," + department);
        rows.put("qt.quantri." + run, "Bùi Văn Đức,,PROVINCE_ADMIN," + department);
        rows.put("qt.tongdai." + run, "Dương Thị Hoa,,HOTLINE_OPERATOR,hotline-111");
        StringBuilder csv = new StringBuilder(template);
        rows.forEach((username, rest) -> csv.append(username).append(',').append(rest).append("\r\n"));
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        JsonNode dryRun = upload(file, true, 200);
        assertThat(dryRun.get("valid").asBoolean()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("rows").asInt()).isEqualTo(10);
        assertThat(count("select count(*) from app_user where username = ?", officer)).as("a dry run writes nothing").isZero();
        JsonNode imported = upload(file, false, 201);
        assertThat(imported.get("created").asInt()).isEqualTo(10);
        String oneTime = null;
        for (JsonNode user : imported.get("users")) {
            if (user.get("username").asText().equals(officer)) {
                oneTime = user.get("oneTimePassword").asText();
            }
        }
        assertThat(oneTime).isNotBlank();

        // the officer's first sign-in: nothing but the password change until it is done
        person(officer, oneTime).get("/api/tasks").expect(403);
        String chosen = "Bao-ve-tre-em-My-Thuy-" + run;
        person(officer, oneTime).post("/api/account/password", Map.of("currentPassword", oneTime, "newPassword", chosen))
                .expect(204);
        Api newOfficer = person(officer, chosen);

        UUID caseId = UUID.fromString(as("hotline").post("/api/reports",
                        report(MY_THUY, Instant.now().minus(1, ChronoUnit.HOURS), "Trần Thị Bình")).expect(201)
                .body().get("id").asText());

        JsonNode task = null;
        for (JsonNode t : newOfficer.get("/api/tasks?caseId=" + caseId).expect(200).body()) {
            if (t.get("stepKey").asText().equals("verify_report")) {
                task = t;
            }
        }
        assertThat(task).as("the new officer's verification task").isNotNull();
        assertThat(task.get("candidateGroups").get(0).asText()).as("routed to the commune's new officer").isEqualTo(officerAgency);
        assertThat(task.get("inTwelveHourWindow").asBoolean()).isTrue();
        assertThat(task.get("provinceCode").asText()).isEqualTo(QUANG_TRI);
        newOfficer.get("/api/cases/" + caseId).expect(200);
        newOfficer.get("/api/tasks/" + task.get("taskId").asText()).expect(200);
        as("officer").get("/api/cases/" + caseId).expect(404);
        assertThat(hasTask("officer", caseId, "verify_report")).as("Ba Đình's officer").isFalse();
    }

    /** The agency of this kind serving the place today, created (from {@link #SERVES_FROM}) when there is none. */
    private String agencyOf(String locality, String kind, String name) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        for (JsonNode agency : as("admin").get("/api/admin/agencies?locality=" + locality).expect(200).body()) {
            boolean serving = !agency.hasNonNull("validTo") || !LocalDate.parse(agency.get("validTo").asText()).isBefore(today);
            if (agency.get("kind").asText().equals(kind) && serving) {
                return agency.get("id").asText();
            }
        }
        return as("admin").post("/api/admin/agencies", Map.of("kind", kind, "name", name, "localityCode", locality,
                "validFrom", SERVES_FROM)).expect(201).body().get("id").asText();
    }

    private JsonNode upload(byte[] file, boolean dryRun, int status) throws Exception {
        HttpResponse<String> response = multipart("admin", "/api/admin/users/import?dryRun=" + dryRun, Map.of(), "file",
                Map.of("trean-users.csv", file));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Api person(String username, String password) {
        return anonymous().withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
