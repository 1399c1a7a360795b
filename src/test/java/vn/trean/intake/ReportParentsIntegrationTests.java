package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 11 item 7: Form 01's parents (name, age, job) and the informant's address are kept in the case tables (not
 * in the process), bounded and checked on the server, and shown only to those who see the report's details: who
 * received it and who sees the whole case.
 */
class ReportParentsIntegrationTests extends ApiIntegrationTest {

    private static final String FATHER = "Lý Văn Cường";
    private static final String INFORMANT_ADDRESS = "Số 5 ngõ 12 Đội Cấn";

    @Test
    void parentsAndTheInformantsAddressAreStoredInTheCaseTablesAndNotInTheProcess() {
        UUID caseId = fileWithParents("Lý Thị Mai");

        List<Map<String, Object>> rows = jdbc.sql("""
                        select p.position, p.full_name, p.age, p.occupation, p.relation from report_parent p
                          join report r on r.id = p.report_id where r.case_id = ? order by p.position""")
                .param(caseId).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("full_name", FATHER).containsEntry("age", 41)
                .containsEntry("occupation", "Thợ xây").containsEntry("relation", "cha");
        assertThat(rows.get(1)).containsEntry("full_name", "Trần Thị Hạnh").containsEntry("age", 37)
                .containsEntry("occupation", "Bán hàng");
        assertThat(jdbc.sql("select informant_address from report where case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo(INFORMANT_ADDRESS);
        assertThat(count("select count(*) from act_ru_variable where text_ like ? or text2_ like ?",
                "%" + FATHER + "%", "%" + FATHER + "%")).as("no parent's name in the process").isZero();
        assertThat(count("select count(*) from act_ru_variable where text_ like ?", "%Đội Cấn%")).isZero();
    }

    @Test
    void theReportsDetailsWithParentsGoToWhoReceivedItAndWhoSeesTheWholeCaseOnly() {
        UUID caseId = fileWithParents("Lý Thị Ngân");
        planAPoliceMeasure(caseId);

        for (String reader : List.of("hotline", "officer", "chairman")) {
            JsonNode report = as(reader).get("/api/cases/" + caseId).expect(200).body().get("report");
            assertThat(report.get("parents").findValuesAsText("fullName")).as(reader).containsExactly(FATHER, "Trần Thị Hạnh");
            assertThat(report.get("parents").get(0).get("age").asInt()).isEqualTo(41);
            assertThat(report.get("informant").get("address").asText()).isEqualTo(INFORMANT_ADDRESS);
        }
        JsonNode police = as("police").get("/api/cases/" + caseId).expect(200).body();
        assertThat(police.path("report").isMissingNode() || police.path("report").isNull()).isTrue();
        assertThat(police.toString()).doesNotContain(FATHER).doesNotContain(INFORMANT_ADDRESS);

        String officerPage = html("officer", "/cases/" + caseId);
        assertThat(officerPage).contains(FATHER, "41 tuổi", "Thợ xây", "Trần Thị Hạnh", INFORMANT_ADDRESS);
        String policePage = html("police", "/cases/" + caseId);
        assertThat(policePage).doesNotContain(FATHER).doesNotContain("Thợ xây").doesNotContain(INFORMANT_ADDRESS);
    }

    @Test
    void anAgeOrATextOutOfBoundsIsRefusedNamingItsFieldInVietnameseAndEnglishAndNothingIsWritten() {
        refused(r -> r.put("parents", List.of(parent(FATHER, 150, "Thợ xây"))), "parents[0].age", "120");
        refused(r -> r.put("parents", List.of(parent(FATHER, -1, "Thợ xây"))), "parents[0].age", "0");
        refused(r -> r.put("parents", List.of(parent(FATHER, 40, "x"), parent("B", 30, "y".repeat(201)))),
                "parents[1].occupation", "200");
        refused(r -> r.put("parents", List.of(Map.of("fullName", FATHER, "age", "bốn mươi"))), "parents[0].age", null);
        refused(r -> r.put("informant", Map.of("consent", true, "name", "A", "address", "z".repeat(501))),
                "informant.address", "500");
    }

    @Test
    void theReportPageTakesTheParentsAndRefusesAnAgeThatIsNoNumberBesideItsField() {
        Map<String, String> form = pageForm("Lý Thị Hoa");
        form.put("parents[0].fullName", FATHER);
        form.put("parents[0].age", "bốn mươi");
        form.put("parents[0].occupation", "Thợ xây");
        int before = count("select count(*) from case_file");

        String refused = pageAs("hotline", "/reports/new", form);
        assertThat(refused).contains("id=\"parents-0-age-error\"").contains("Không đúng định dạng")
                .contains("value=\"" + FATHER + "\"");
        assertThat(count("select count(*) from case_file")).isEqualTo(before);

        form.put("parents[0].age", "41");
        form.put("decision", "new");
        String filed = pageAs("hotline", "/reports/new", form);
        assertThat(filed).contains(FATHER, "41 tuổi", "Thợ xây");
    }

    private UUID fileWithParents(String childName) {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), childName);
        Map<String, Object> father = new LinkedHashMap<>(parent(FATHER, 41, "Thợ xây"));
        father.put("relation", "cha");
        report.put("parents", List.of(father, parent("Trần Thị Hạnh", 37, "Bán hàng")));
        report.put("informant", Map.of("consent", true, "name", "Trần Văn Báo", "relation", "hàng xóm",
                "address", INFORMANT_ADDRESS));
        return UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
    }

    private static Map<String, Object> parent(String name, int age, String occupation) {
        return Map.of("fullName", name, "age", age, "occupation", occupation);
    }

    private void refused(java.util.function.Consumer<Map<String, Object>> change, String field, String bound) {
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Đặng Thị Thu");
        change.accept(report);
        int cases = count("select count(*) from case_file");
        int parents = count("select count(*) from report_parent");
        JsonNode vi = as("hotline").post("/api/reports", report).expect(400).body();
        JsonNode en = as("hotline").inLanguage("en").post("/api/reports", report).expect(400).body();
        String viMessage = messageOf(vi, field);
        String enMessage = messageOf(en, field);
        assertThat(viMessage).isNotBlank().isNotEqualTo(enMessage);
        assertThat(enMessage).isNotBlank();
        if (bound != null) {
            assertThat(viMessage).contains(bound);
            assertThat(enMessage).contains(bound);
        }
        assertThat(count("select count(*) from case_file")).isEqualTo(cases);
        assertThat(count("select count(*) from report_parent")).isEqualTo(parents);
    }

    private static String messageOf(JsonNode problem, String field) {
        for (JsonNode e : problem.path("errors")) {
            if (field.equals(e.path("field").asText())) {
                return e.path("message").asText();
            }
        }
        throw new AssertionError("no error about " + field + " in " + problem);
    }

    /** The new-report page's fields as the browser posts them. */
    static Map<String, String> pageForm(String childName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receivedAt", LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.MINUTES).toString());
        form.put("channel", "PHONE");
        form.put("communeCode", COMMUNE_A);
        form.put("child.fullName", childName);
        form.put("child.sex", "FEMALE");
        form.put("child.estimatedAge", "8");
        form.put("category", "ABUSED");
        form.put("place", "Tổ 5");
        form.put("currentCondition", "Có vết bầm");
        return form;
    }
}
