package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/** Issue 8, item 4: bulk import of people from the CSV or XLSX template; a dry run; all rows or none. */
class UserImportIntegrationTests extends ApiIntegrationTest {

    private static final String HEADER = "username,displayName,email,role,agencyId\n";

    @Autowired
    IdentityService engineIdentity;

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] csv(String... rows) {
        return ("\uFEFF" + HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private Answer upload(byte[] file, String filename, boolean dryRun) {
        HttpResponse<String> response = multipart("admin", "/api/admin/users/import?dryRun=" + dryRun, Map.of(), "file",
                Map.of(filename, file));
        try {
            return new Answer(response.statusCode(), json.readTree(response.body()), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int users(String... usernames) {
        return count("select count(*) from app_user where username = any(?)", (Object) usernames);
    }

    private static JsonNode row(JsonNode report, int row) {
        for (JsonNode r : report) {
            if (r.get("row").asInt() == row) {
                return r;
            }
        }
        throw new AssertionError("no row " + row + " in " + report);
    }

    private static List<String> fields(JsonNode row) {
        return row.get("problems").findValuesAsText("field");
    }

    private Api person(String username, String password) {
        return anonymous().withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aDryRunWithOneBadRowWritesNothingAndNamesTheRowAndTheField() {
        String a = unique("import.a");
        String b = unique("import.b");
        String c = unique("import.c");

        Answer answer = upload(csv(a + ",Nguyễn Văn An,,COMMUNE_OFFICER,child-protection-00004",
                b + ",Trần Thị Bình,binh@example.vn,POLICE,police-00004",
                c + ",Lê Văn Cường,,HEALTH,no-such-agency"), "users.csv", true);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        assertThat(answer.body().get("valid").asBoolean()).isFalse();
        assertThat(answer.body().get("rows").asInt()).isEqualTo(3);
        assertThat(fields(row(answer.body().get("report"), 2))).isEmpty();
        assertThat(fields(row(answer.body().get("report"), 4))).containsExactly("agencyId");
        assertThat(row(answer.body().get("report"), 4).get("problems").get(0).get("message").asText()).isNotBlank();
        assertThat(users(a, b, c)).isZero();
    }

    @Test
    void everyRowIsCheckedAsCreatingOneUserIsAndEachProblemIsListed() {
        String ok = unique("import.ok");
        Answer answer = upload(csv(
                "admin,Đã Có,,POLICE,police-00004",
                unique("import.role") + ",Sai Vai Trò,,CHIEF,police-00004",
                unique("import.noagency") + ",Thiếu Cơ Quan,,POLICE,",
                unique("import.mail") + ",Sai Thư,not-an-email,POLICE,police-00004",
                "X,,bad@,,police-00004",
                ok + ",Hợp Lệ,,POLICE,police-00004"), "users.csv", true);

        JsonNode report = answer.body().get("report");
        assertThat(fields(row(report, 2))).containsExactly("username");
        assertThat(row(report, 2).get("problems").get(0).get("code").asText()).isEqualTo("username-taken");
        assertThat(fields(row(report, 3))).containsExactly("role");
        assertThat(fields(row(report, 4))).containsExactly("agencyId");
        assertThat(fields(row(report, 5))).containsExactly("email");
        assertThat(fields(row(report, 6))).containsExactlyInAnyOrder("username", "displayName", "email", "role");
        assertThat(fields(row(report, 7))).isEmpty();
        assertThat(answer.body().get("rowsWithProblems").asInt()).isEqualTo(5);
    }

    @Test
    void confirmingAFileWithABadRowWritesNothingAtAll() {
        String a = unique("import.a");
        String b = unique("import.b");

        Answer answer = upload(csv(a + ",Nguyễn Văn An,,COMMUNE_OFFICER,child-protection-00004",
                b + ",Trần Thị Bình,,NOT_A_ROLE,police-00004"), "users.csv", false);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("import-rows-refused");
        assertThat(fields(row(answer.body().get("report"), 3))).containsExactly("role");
        assertThat(users(a, b)).isZero();
        assertThat(count("select count(*) from audit_event where action = 'USER_CREATED' and detail ->> 'username' = ?", a))
                .isZero();
    }

    @Test
    void confirmingAGoodFileCreatesEveryUserWhoMustChangeTheOneTimePasswordBeforeWorking() {
        String a = unique("import.a");
        String b = unique("import.b");
        String c = unique("import.c");

        Answer answer = upload(csv(a + ",Nguyễn Văn An,an@example.vn,COMMUNE_OFFICER,child-protection-00004",
                b + ",Trần Thị Bình,,POLICE,police-00004",
                c + ",Lê Văn Cường,,HEALTH,health-station-00004"), "users.csv", false);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertThat(answer.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(answer.body().get("created").asInt()).isEqualTo(3);
        assertThat(users(a, b, c)).isEqualTo(3);
        assertThat(jdbc.sql("select display_name from app_user where username = ?").param(a).query(String.class).single())
                .isEqualTo("Nguyễn Văn An");
        for (JsonNode user : answer.body().get("users")) {
            String username = user.get("username").asText();
            String oneTime = user.get("oneTimePassword").asText();
            assertThat(oneTime).hasSizeGreaterThanOrEqualTo(12);
            Response blocked = person(username, oneTime).get("/api/tasks").expect(403);
            assertThat(blocked.body().get("code").asText()).isEqualTo("password-change-required");
            person(username, oneTime).post("/api/account/password", Map.of("currentPassword", oneTime,
                    "newPassword", "Bao-ve-tre-em-" + UUID.randomUUID().toString().substring(0, 6))).expect(204);
            assertThat(count("select count(*) from audit_event where action = 'USER_CREATED' and detail ->> 'username' = ?",
                    username)).isOne();
            assertThat(count("select count(*) from audit_event where detail::text like ?", "%" + oneTime + "%")).isZero();
        }
        // the engine's identity was rebuilt after the commit: each user is in their agency's group
        assertThat(engineIdentity.createGroupQuery().groupMember(b).list()).extracting(Group::getId)
                .containsExactly("police-00004");
    }

    @Test
    void aFileWithOtherColumnsIsRefusedNamingTheColumn() {
        byte[] file = ("username,fullName,email,role,agencyId\n" + unique("import.x") + ",Tên,,POLICE,police-00004\n")
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = upload(file, "users.csv", true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("import-wrong-columns");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("displayName");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).contains("fullName");
    }

    @Test
    void tenThousandRowsAreRefusedQuicklyNamingTheLimit() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add("bulk." + i + ",Người Thứ " + i + ",,POLICE,police-00004");
        }
        Instant start = Instant.now();

        Answer answer = upload(csv(rows.toArray(String[]::new)), "users.csv", false);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("import-too-many-rows");
        assertThat(answer.body().get("detail").asText()).contains("1000");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(users("bulk.0", "bulk.999")).isZero();
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedNamingTheRow() {
        byte[] good = csv(unique("import.a") + ",Nguyen Van An,,POLICE,police-00004");
        byte[] latin1 = (unique("import.b") + ",Tr\u00e0n,,POLICE,police-00004\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[good.length + latin1.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(latin1, 0, file, good.length, latin1.length);

        Answer answer = upload(file, "users.csv", true);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("import-encoding");
        assertThat(answer.body().get("detail").asText()).contains("Dòng 3");
    }

    @Test
    void aUsernameRepeatedInTheFileIsNamedOnItsSecondRow() {
        String twice = unique("import.twice");

        Answer answer = upload(csv(twice + ",Một,,POLICE,police-00004", twice + ",Hai,,POLICE,police-00004"), "users.csv",
                true);

        assertThat(fields(row(answer.body().get("report"), 2))).isEmpty();
        assertThat(fields(row(answer.body().get("report"), 3))).containsExactly("username");
        assertThat(row(answer.body().get("report"), 3).get("problems").get(0).get("code").asText())
                .isEqualTo("username-repeated-in-file");
    }

    @Test
    void theDownloadedXlsxTemplateFilledInIsImported() throws Exception {
        byte[] template = download("/api/admin/users/import-template?format=xlsx");
        String a = unique("xlsx.a");
        String b = unique("xlsx.b");
        byte[] filled;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("username", "displayName", "email", "role", "agencyId");
            List<String> roles = new ArrayList<>();
            workbook.getSheetAt(1).forEach(r -> roles.add(r.getCell(0).getStringCellValue()));
            assertThat(roles).contains("COMMUNE_OFFICER", "POLICE", "ADMIN");
            String[][] values = {{a, "Phạm Thị Hằng", "hang@example.vn", "COMMUNE_OFFICER", "child-protection-00004"},
                    {b, "Đỗ Văn Đức", "", "POLICE", "police-00004"}};
            for (int r = 0; r < values.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < values[r].length; i++) {
                    row.createCell(i).setCellValue(values[r][i]);
                }
            }
            workbook.write(out);
            filled = out.toByteArray();
        }

        Answer answer = upload(filled, "users.xlsx", false);

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertThat(answer.body().get("users").findValuesAsText("username")).containsExactly(a, b);
        assertThat(jdbc.sql("select display_name from app_user where username = ?").param(b).query(String.class).single())
                .isEqualTo("Đỗ Văn Đức");
    }

    @Test
    void theCsvTemplateIsUtf8WithAByteOrderMarkAndTheHeader() throws Exception {
        byte[] template = download("/api/admin/users/import-template?format=csv");

        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFFusername,displayName,email,role,agencyId");
    }
}
