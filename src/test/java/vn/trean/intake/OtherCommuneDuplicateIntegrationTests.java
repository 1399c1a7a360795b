package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 4, last sentence: the hotline and the province department join a report to the matching case of
 * another commune of the province (the timeline names both communes, the linker gains no access); a commune's own
 * staff may not; a duplicate they need not know shows its commune, initials and age only; and the officer whose open
 * case has a twin in another commune is offered the transfer there. Ba Đình is commune A, Ngọc Hà commune B.
 */
class OtherCommuneDuplicateIntegrationTests extends ApiIntegrationTest {

    private static final String ENTRY = "report_linked_other_commune";

    @Test
    void hotlineJoinsABaDinhReportToTheNgocHaCaseWithoutGainingAccessAndTheTimelineNamesBothCommunes() {
        String name = uniqueName("Kiều Thị Hạnh");
        UUID caseId = fileAsNgocHa(name);
        JsonNode match = as("hotline").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);
        assertThat(match.get("communeCode").asText()).isEqualTo(COMMUNE_B);

        JsonNode linked = as("hotline").post("/api/reports/links",
                Map.of("matchRef", match.get("matchRef").asText(), "report", report(COMMUNE_A, Instant.now(), name)))
                .expect(200).body();

        assertThat(linked.get("caseNumber").asText()).isEqualTo(match.get("caseNumber").asText()).startsWith(COMMUNE_B);
        assertThat(linked.get("communeCode").asText()).isEqualTo(COMMUNE_B);
        assertThat(linked.get("communeName").asText()).isEqualTo("Ngọc Hà");
        assertThat(linked.size()).as("the number and the commune, nothing of the case").isEqualTo(3);
        as("hotline").get("/api/cases/" + caseId).expect(404);
        assertThat(count("select count(*) from case_access where case_id = ? and agency_id = 'hotline-111'", caseId))
                .isZero();

        JsonNode file = as("officer.ngocha").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("linkedReports")).hasSize(1);
        JsonNode entry = entryOf(file);
        assertThat(entry.get("agencyId").asText()).isEqualTo("hotline-111");
        assertThat(entry.get("data").get("reportCommuneCode").asText()).isEqualTo(COMMUNE_A);
        assertThat(entry.get("data").get("caseCommuneCode").asText()).isEqualTo(COMMUNE_B);
        assertThat(count("""
                select count(*) from notification
                where case_id = ? and kind = 'REPORT_LINKED' and agency_id = 'child-protection-00008'""", caseId)).isOne();

        String page = pageAs("officer.ngocha", "/cases/" + caseId);
        String timelineEntry = page.substring(page.indexOf("data-step=\"" + ENTRY + "\""));
        timelineEntry = timelineEntry.substring(0, timelineEntry.indexOf("</li>"));
        assertThat(timelineEntry).contains("Thông tin từ xã/phường khác được bổ sung")
                .contains("Xã/phường của thông tin").contains("Ba Đình")
                .contains("Xã/phường của hồ sơ").contains("Ngọc Hà");
    }

    @Test
    void provinceDepartmentJoinsAReportToAnotherCommunesCaseByItsIdAndByAMatch() {
        String name = uniqueName("Tạ Văn Khải");
        UUID caseId = fileAsNgocHa(name);

        JsonNode byId = as("supervisor").post("/api/cases/" + caseId + "/reports", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body();
        JsonNode match = as("supervisor").post("/api/reports/duplicates", report(COMMUNE_A, Instant.now(), name))
                .expect(200).body().get(0);
        JsonNode byMatch = as("supervisor").post("/api/reports/links",
                Map.of("matchRef", match.get("matchRef").asText(), "report", report(COMMUNE_A, Instant.now(), name)))
                .expect(200).body();

        for (JsonNode answer : new JsonNode[] {byId, byMatch}) {
            assertThat(answer.get("caseNumber").asText()).startsWith(COMMUNE_B + "-");
            assertThat(answer.get("communeCode").asText()).isEqualTo(COMMUNE_B);
            assertThat(answer.get("communeName").asText()).isEqualTo("Ngọc Hà");
        }
        JsonNode file = as("supervisor").get("/api/cases/" + caseId).expect(200).body();
        assertThat(file.get("linkedReports")).hasSize(2);
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = ?", caseId, ENTRY))
                .isEqualTo(2);
    }

    @Test
    void aReportOfTheCasesOwnCommuneEntersNoOtherCommuneEntry() {
        String name = uniqueName("Lò Văn Tài");
        UUID caseId = fileAsNgocHa(name);

        JsonNode linked = as("hotline").post("/api/reports/links", Map.of("matchRef",
                        as("hotline").post("/api/reports/duplicates", report(COMMUNE_B, Instant.now(), name)).expect(200)
                                .body().get(0).get("matchRef").asText(),
                        "report", report(COMMUNE_B, Instant.now(), name)))
                .expect(200).body();

        assertThat(linked.get("communeCode").asText()).isEqualTo(COMMUNE_B);
        assertThat(count("select count(*) from report where case_id = ? and linked", caseId)).isOne();
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = ?", caseId, ENTRY)).isZero();
    }

    @Test
    void communeOfficersAndChairmenMayNotJoinAReportToAnotherCommunesCaseAndNothingIsWritten() {
        String name = uniqueName("Hà Thị Nguyệt");
        UUID caseId = fileAsNgocHa(name);
        int reports = count("select count(*) from report where case_id = ?", caseId);
        int notifications = count("select count(*) from notification where case_id = ?", caseId);

        // Ngọc Hà's own case, with a report about Ba Đình
        Response byId = as("officer.ngocha").post("/api/cases/" + caseId + "/reports",
                report(COMMUNE_A, Instant.now(), name)).expect(400);
        // Ba Đình's officer and chairman hold a reference to Ngọc Hà's case (a search for a Ngọc Hà report)
        for (String user : new String[] {"officer", "chairman"}) {
            JsonNode match = as(user).post("/api/reports/duplicates", report(COMMUNE_B, Instant.now(), name)).expect(200)
                    .body().get(0);
            assertThat(match.has("caseId")).as("a case they need not know").isFalse();
            Response refused = as(user).post("/api/reports/links", Map.of("matchRef", match.get("matchRef").asText(),
                    "report", report(COMMUNE_A, Instant.now(), name))).expect(400);
            assertThat(refused.body().get("code").asText()).isEqualTo("link-other-commune");
            assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("communeCode");
        }

        assertThat(byId.body().get("code").asText()).isEqualTo("link-other-commune");
        assertThat(byId.body().get("detail").asText()).contains("tổng đài và sở");
        assertThat(count("select count(*) from report where case_id = ?", caseId)).isEqualTo(reports);
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = ?", caseId, ENTRY)).isZero();
        assertThat(count("select count(*) from notification where case_id = ?", caseId)).isEqualTo(notifications);
    }

    @Test
    void hotlineSeesAnotherCommunesMatchOnTheReportPageByCommuneInitialsAndAgeAndLinksIt() {
        String name = uniqueName("Mùa Thị Dính");
        UUID caseId = fileAsNgocHa(name);

        String page = pageAs("hotline", "/reports/new", reportForm(COMMUNE_A, name));

        String match = page.substring(page.indexOf("<li class=\"duplicate\""));
        match = match.substring(0, match.indexOf("</li>"));
        assertThat(match).contains("data-commune=\"" + COMMUNE_B + "\"").contains("data-hidden=\"true\"")
                .contains("Ngọc Hà").contains("M.T.D.X.").contains("9 tuổi")
                .contains("hồ sơ do cơ quan khác phụ trách").doesNotContain("Mùa").doesNotContain("Dính");
        assertThat(page).doesNotContain(caseId.toString());
        String matchRef = match.replaceAll("(?s).*name=\"linkTo\" value=\"([0-9a-f-]{36})\".*", "$1");

        Map<String, String> link = reportForm(COMMUNE_A, name);
        link.put("linkTo", matchRef);
        String answer = pageAs("hotline", "/reports/new", link);

        assertThat(answer).as("the report page again, naming the case and its commune")
                .contains("Đã bổ sung thông tin vào hồ sơ " + COMMUNE_B + "-").contains("(Ngọc Hà)");
        assertThat(count("select count(*) from report where case_id = ? and linked", caseId)).isOne();
    }

    @Test
    void officerWhoseOpenCaseHasATwinInAnotherCommuneIsOfferedTheTransferThere() {
        String name = uniqueName("Sùng Văn Páo");
        fileAsNgocHa(name);
        UUID own = UUID.fromString(as("officer").post("/api/reports", report(COMMUNE_A, Instant.now(), name))
                .expect(201).body().get("id").asText());

        String page = pageAs("officer", "/cases/" + own);
        String offer = page.substring(page.indexOf("class=\"duplicates-elsewhere\""));
        offer = offer.substring(0, offer.indexOf("</div>"));
        assertThat(offer).contains("data-commune=\"" + COMMUNE_B + "\"").contains("S.V.P.X.").contains("9 tuổi")
                .contains("Đề nghị chuyển sang Ngọc Hà")
                .contains("/cases/" + own + "?transferTo=" + COMMUNE_B + "#transfer")
                .doesNotContain(name);

        String chosen = pageAs("officer", "/cases/" + own + "?transferTo=" + COMMUNE_B);
        assertThat(chosen).containsPattern("<option value=\"" + COMMUNE_B + "\"\\s+selected=\"selected\"");
        assertThat(pageAs("chairman", "/cases/" + own)).as("the officer requests transfers")
                .doesNotContain("duplicates-elsewhere");
    }

    private UUID fileAsNgocHa(String name) {
        return UUID.fromString(as("officer.ngocha").post("/api/reports", report(COMMUNE_B, Instant.now(), name))
                .expect(201).body().get("id").asText());
    }

    private static JsonNode entryOf(JsonNode caseFile) {
        for (JsonNode step : caseFile.get("steps")) {
            if (step.get("stepKey").asText().equals(ENTRY)) {
                return step;
            }
        }
        throw new AssertionError("no " + ENTRY + " in " + caseFile.get("steps"));
    }

    /** The report page's form, as the browser posts it: the same report as {@link #report}. */
    private static Map<String, String> reportForm(String commune, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receivedAt", LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.MINUTES).toString());
        form.put("channel", "PHONE");
        form.put("communeCode", commune);
        form.put("child.fullName", name);
        form.put("child.sex", "FEMALE");
        form.put("child.estimatedAge", "9");
        form.put("category", "ABUSED");
        form.put("abuseForms", "VIOLENCE");
        form.put("place", "Tổ 5");
        form.put("currentCondition", "Có vết bầm trên tay");
        return form;
    }

    /** A name no other test uses, so that the duplicate check finds exactly the cases of this test. */
    private static String uniqueName(String name) {
        return name + " X" + UUID.randomUUID().toString().substring(0, 8).replaceAll("\\d", "a");
    }
}
