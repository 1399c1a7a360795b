package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 5: the closed cases of a period in layout version 1 (docs/open-data-export.md), read back from CSV
 * and JSON. The shared database holds other test classes' closed cases too: every assertion picks this class's own
 * cases by number, or compares one export with another.
 */
class OpenDataExportIntegrationTests extends OpenDataExportTest {

    private static final String CHILD = "Lê Thị Mai Anh";
    private static final String OTHER_CHILD = "Đỗ Văn Khoa";
    private static final String QUANG_TRI = "44";
    private static final String QUANG_TRI_SUPERVISOR = "giamsat.xuatdulieu.qt";
    private static final String CHOSEN_PASSWORD = "Quang-Tri-xuat-du-lieu-2026";

    @Test
    void closedCasesAreExportedAsCsvAndJsonWithTheChildUnderAStablePseudonymAndNeverItsName() throws IOException {
        String handled = caseNumber(closedWithAPoliceMeasure(CHILD));
        String unfounded = caseNumber(closedAsNotACase(CHILD));
        String otherChild = caseNumber(closedAsNotACase(OTHER_CHILD));
        String period = "from=" + today() + "&to=" + today();

        String csv = download("supervisor", "/api/exports/closed-cases?" + period + "&format=csv");
        JsonNode json = as("supervisor").get("/api/exports/closed-cases?" + period + "&format=json").expect(200).body();

        assertThat(csv).startsWith("\uFEFF").doesNotContain(CHILD, "Mai Anh", OTHER_CHILD, "Tổ 5", "vết bầm");
        assertThat(json.toString()).doesNotContain(CHILD, "Mai Anh", OTHER_CHILD, "Tổ 5", "vết bầm");
        var parsed = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)));
        assertThat(parsed.getHeaderNames()).isEqualTo(V1_COLUMNS);
        Map<String, CSVRecord> rows = new HashMap<>();
        parsed.getRecords().forEach(r -> rows.put(r.get("caseNumber"), r));
        assertThat(json.get("layoutVersion").asInt()).isEqualTo(1);
        assertThat(json.get("provinceCode").asText()).isEqualTo("01");
        assertThat(json.get("count").asInt()).isEqualTo(json.get("cases").size()).isEqualTo(rows.size());
        Map<String, JsonNode> cases = new HashMap<>();
        json.get("cases").forEach(c -> cases.put(c.get("caseNumber").asText(), c));

        CSVRecord row = rows.get(handled);
        assertThat(row.get("layoutVersion")).isEqualTo("1");
        assertThat(row.get("communeCode")).isEqualTo(COMMUNE_A);
        assertThat(row.get("provinceCode")).isEqualTo("01");
        assertThat(row.get("receivedDate")).isEqualTo(today().toString());
        assertThat(row.get("closedDate")).isEqualTo(today().toString());
        assertThat(row.get("category")).isEqualTo("ABUSED");
        assertThat(row.get("abuseForms")).isEqualTo("VIOLENCE");
        assertThat(row.get("protectionLevel")).isEqualTo("intervention");
        assertThat(row.get("emergency")).isEqualTo("false");
        assertThat(row.get("separation")).isEqualTo("false");
        assertThat(row.get("handlingOutcome")).isEmpty();
        assertThat(row.get("closingOutcome")).isEqualTo("CASE_HANDLED");
        assertThat(row.get("childAgeAtReport")).isEqualTo("9");
        assertThat(row.get("childSex")).isEqualTo("FEMALE");
        assertThat(row.get("childPseudonym")).matches("[0-9a-f]{32}");
        assertThat(row.get("measureCount")).isEqualTo("1");
        assertThat(row.get("measures")).isEqualTo("safety_monitoring|police|" + today() + "|" + today().plusDays(30)
                + "|DONE");

        JsonNode same = cases.get(handled);
        assertThat(same.at("/child/pseudonym").asText()).isEqualTo(row.get("childPseudonym"));
        assertThat(same.at("/child/ageAtReport").asInt()).isEqualTo(9);
        assertThat(same.at("/child/sex").asText()).isEqualTo("FEMALE");
        assertThat(same.get("child").size()).as("pseudonym, age and sex: nothing else of the child").isEqualTo(3);
        assertThat(same.get("closingOutcome").asText()).isEqualTo("CASE_HANDLED");
        assertThat(same.get("handlingOutcome").isNull()).isTrue();
        assertThat(same.get("abuseForms")).extracting(JsonNode::asText).containsExactly("VIOLENCE");
        JsonNode measure = same.get("measures").get(0);
        assertThat(measure.get("kind").asText()).isEqualTo("safety_monitoring");
        assertThat(measure.get("agencyKind").asText()).isEqualTo("police");
        assertThat(measure.get("startDate").asText()).isEqualTo(today().toString());
        assertThat(measure.get("status").asText()).isEqualTo("DONE");

        assertThat(rows.get(unfounded).get("closingOutcome")).isEqualTo("VERIFIED_NOT_A_CASE");
        assertThat(rows.get(unfounded).get("closingReason")).isEqualTo("already_resolved");
        assertThat(rows.get(unfounded).get("measureCount")).isEqualTo("0");
        assertThat(rows.get(unfounded).get("childPseudonym")).as("the same child in two cases")
                .isEqualTo(row.get("childPseudonym"));
        assertThat(rows.get(otherChild).get("childPseudonym")).as("another child")
                .isNotEqualTo(row.get("childPseudonym"));
        assertThat(rows.get(otherChild).get("childSex")).isEqualTo("MALE");

        String again = download("admin", "/api/exports/closed-cases?" + period + "&province=01");
        assertThat(again).as("the same pseudonyms in a later export, by another person").contains(
                row.get("childPseudonym"), rows.get(otherChild).get("childPseudonym"));
    }

    @Test
    void aSupervisorExportsOnlyTheirProvinceAndAnAdministratorChoosesOneOrAll() throws IOException {
        String caseNumber = caseNumber(closedAsNotACase(CHILD));
        String period = "from=" + today() + "&to=" + today() + "&format=json";

        String quangTri = quangTriSupervisor();
        JsonNode theirs = person(quangTri).get("/api/exports/closed-cases?" + period).expect(200).body();
        assertThat(theirs.get("provinceCode").asText()).isEqualTo(QUANG_TRI);
        assertThat(theirs.get("cases").findValuesAsText("provinceCode")).allMatch(QUANG_TRI::equals);
        assertThat(theirs.toString()).doesNotContain(caseNumber);
        JsonNode refused = person(quangTri).get("/api/exports/closed-cases?" + period + "&province=01").expect(403)
                .body();
        assertThat(refused.get("code").asText()).isEqualTo("export-other-province");

        assertThat(as("admin").get("/api/exports/closed-cases?" + period).expect(200).body().toString())
                .as("every province").contains(caseNumber);
        assertThat(as("admin").get("/api/exports/closed-cases?" + period + "&province=44").expect(200).body().toString())
                .doesNotContain(caseNumber);
        for (String role : List.of("officer", "chairman", "police", "hotline", "owner", "admin.hanoi")) {
            as(role).get("/api/exports/closed-cases?" + period).expect(403);
        }
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrSpansMoreThanFiveYearsIsRefusedNamingTheField() {
        assertThat(invalidFields("from=2026-06-01&to=2026-05-31")).containsExactly("to");
        assertThat(invalidFields("from=2021-01-01&to=2026-01-01")).containsExactly("to");
        assertThat(invalidFields("from=2026-01-01&to=2026-12-31&format=xml")).containsExactly("format");
        assertThat(invalidFields("from=2026-01-01&to=2026-12-31&layoutVersion=3")).containsExactly("layoutVersion");
        assertThat(invalidFields("to=2026-12-31")).containsExactly("from");
        assertThat(invalidFields("from=2026-13-01&to=2026-12-31")).containsExactly("from");
        as("supervisor").get("/api/exports/closed-cases?from=2021-01-01&to=2025-12-31").expect(200);
        assertThat(as("supervisor").inLanguage("en").get("/api/exports/closed-cases?from=2026-06-01&to=2026-05-31")
                .expect(400).body().get("errors").get(0).get("message").asText())
                .isEqualTo("The end date must not be before the start date.");
    }

    @Test
    void everyExportIsInTheAuditLogWithWhoThePeriodAndHowManyCases() throws IOException {
        closedAsNotACase(CHILD);
        int before = exportsAudited();

        String csv = download("supervisor", "/api/exports/closed-cases?from=" + today() + "&to=" + today());

        assertThat(exportsAudited()).isEqualTo(before + 1);
        JsonNode detail = json.readTree(jdbc.sql("""
                        select detail::text from trean.audit_event where action = 'OPEN_DATA_EXPORTED'
                        and actor = 'supervisor' order by id desc limit 1""").query(String.class).single());
        long rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords().size();
        assertThat(rows).isPositive();
        assertThat(detail.get("rows").asLong()).isEqualTo(rows);
        assertThat(detail.get("from").asText()).isEqualTo(today().toString());
        assertThat(detail.get("to").asText()).isEqualTo(today().toString());
        assertThat(detail.get("provinceCode").asText()).isEqualTo("01");
        assertThat(detail.get("format").asText()).isEqualTo("csv");
        assertThat(detail.get("layoutVersion").asInt()).isEqualTo(1);

        invalidFields("from=2026-06-01&to=2026-05-31");
        as("officer").get("/api/exports/closed-cases?from=" + today() + "&to=" + today()).expect(403);
        assertThat(exportsAudited()).as("refused exports write nothing").isEqualTo(before + 1);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A case of Ba Đình run to its end: a plan with one police measure, done, reviewed, closed. */
    private UUID closedWithAPoliceMeasure(String childName) {
        UUID caseId = file(childName, "FEMALE", 9);
        planAPoliceMeasure(caseId);
        complete("police", caseId, "implement_measure", Map.of("status", "done", "completedOn", today().toString()));
        complete("officer", caseId, "review_case", Map.of("remainingHarm", "low", "perpetratorAccess", "low",
                "careObstacles", "low", "selfProtection", "high", "noLongerAtRisk", true, "stateStable", true,
                "reviewNote", "Trẻ ổn định"));
        complete("chairman", caseId, "close_case", Map.of("closedOn", today().toString(), "closingSituation", "safe_at_home", "closingNote", "Kết thúc"));
        return caseId;
    }

    /** A report verification found unfounded, closed by the chairman as "verified, not a case". */
    private UUID closedAsNotACase(String childName) {
        UUID caseId = OTHER_CHILD.equals(childName) ? file(childName, "MALE", 12) : file(childName, "FEMALE", 9);
        closeAsNotACase(caseId);
        return caseId;
    }

    @SuppressWarnings("unchecked")
    private UUID file(String childName, String sex, int age) {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), childName);
        Map<String, Object> child = (Map<String, Object>) report.get("child");
        child.put("sex", sex);
        child.put("estimatedAge", age);
        return UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
    }

    private List<String> invalidFields(String query) {
        JsonNode problem = as("supervisor").get("/api/exports/closed-cases?" + query).expect(400).body();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private int exportsAudited() {
        return count("select count(*) from trean.audit_event where action = 'OPEN_DATA_EXPORTED' and actor = 'supervisor'");
    }

    /** The body of a download as text, exactly as sent. */
    private String download(String user, String path) throws IOException {
        return downloadCsv(user, path, 1).body();
    }

    /** The supervisor of Quảng Trị's department, created once by the administrator, with a password of their own. */
    private String quangTriSupervisor() {
        if (count("select count(*) from app_user where username = ?", QUANG_TRI_SUPERVISOR) > 0) {
            return QUANG_TRI_SUPERVISOR;
        }
        String department = jdbc.sql("""
                        select min(id) from agency where kind = 'PROVINCE_HEALTH_DEPT' and locality_code = ?
                        and valid_to is null""").param(QUANG_TRI).query(String.class).optional().filter(id -> id != null)
                .orElseGet(() -> as("admin").post("/api/admin/agencies", Map.of("kind", "PROVINCE_HEALTH_DEPT",
                        "name", "Sở Y tế Quảng Trị", "localityCode", QUANG_TRI)).expect(201).body().get("id").asText());
        String oneTime = as("admin").post("/api/admin/users", Map.of("username", QUANG_TRI_SUPERVISOR,
                        "displayName", "Giám sát Quảng Trị", "role", "PROVINCE_SUPERVISOR", "agencyId", department))
                .expect(201).body().get("oneTimePassword").asText();
        withPassword(QUANG_TRI_SUPERVISOR, oneTime).post("/api/account/password",
                Map.of("currentPassword", oneTime, "newPassword", CHOSEN_PASSWORD)).expect(204);
        return QUANG_TRI_SUPERVISOR;
    }

    private Api person(String username) {
        return withPassword(username, CHOSEN_PASSWORD);
    }

}
