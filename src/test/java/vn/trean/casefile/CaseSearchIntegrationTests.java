package vn.trean.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;
import vn.trean.workflow.UnfoundedReportIntegrationTests;

/**
 * Issue 11 item 1: the case list's search ({@code POST /api/cases/search}, the page {@code /cases}). Each test names
 * its children with a word of its own, so that the cases other tests left behind never match.
 */
class CaseSearchIntegrationTests extends ApiIntegrationTest {

    /** A word no other case has, with a tone mark on its first letter: "Ấqkzmwtrp", folded "aqkzmwtrp". */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("Ấ");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static String folded(String word) {
        return "a" + word.substring(1);
    }

    private UUID file(String commune, String childName) {
        return UUID.fromString(as("hotline").post("/api/reports", report(commune, Instant.now(), childName)).expect(201)
                .body().get("id").asText());
    }

    private JsonNode search(String user, Map<String, Object> criteria) {
        return as(user).post("/api/cases/search", criteria).expect(200).body();
    }

    private List<String> found(String user, Map<String, Object> criteria) {
        List<String> ids = new ArrayList<>();
        search(user, criteria).get("rows").forEach(row -> ids.add(row.get("caseId").asText()));
        return ids;
    }

    private List<String> foundByName(String user, String name) {
        return found(user, Map.of("childName", name));
    }

    private static Map<String, Object> criteria(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void theChildIsFoundByNameWithOrWithoutToneMarksAndByTheStartOfWords() {
        String word = uniqueWord();
        UUID caseId = file(COMMUNE_A, "Nguyễn Văn " + word);
        String id = caseId.toString();

        assertThat(foundByName("officer", "Nguyễn Văn " + word)).as("as written").containsExactly(id);
        assertThat(foundByName("officer", "nguyen van " + folded(word))).as("no tone marks").containsExactly(id);
        assertThat(foundByName("officer", "NGUYEN VAN " + folded(word).toUpperCase())).as("upper case").containsExactly(id);
        assertThat(foundByName("officer", "nguy v " + folded(word).substring(0, 5))).as("starts of words")
                .containsExactly(id);
        assertThat(foundByName("officer", "  " + word.substring(0, 6) + "   nguyễn ")).as("any order, extra spaces")
                .containsExactly(id);
        assertThat(foundByName("officer", "nguyen thi " + folded(word))).as("every word must match").isEmpty();
        assertThat(foundByName("officer", "guyen " + folded(word))).as("a word's middle is not its start").isEmpty();
        // who looked for which child is in the audit log, with what they typed and how many cases matched
        assertThat(count("select count(*) from audit_event where actor = 'officer' and action = 'CASES_SEARCHED'"
                + " and detail ->> 'childName' = ? and (detail ->> 'matches')::int = 1", "nguyen van " + folded(word)))
                .isEqualTo(1);

        JsonNode row = search("officer", Map.of("childName", folded(word))).get("rows").get(0);
        assertThat(row.get("childName").asText()).isEqualTo("Nguyễn Văn " + word);
        assertThat(row.get("caseNumber").asText()).startsWith(COMMUNE_A + "-");
        assertThat(row.get("status").asText()).isEqualTo("OPEN");
        assertThat(row.get("ageYears").asInt()).isEqualTo(9);
    }

    @Test
    void eachRoleFindsOnlyTheCasesItNeedsToKnowAndTheHotlineSeesInitials() {
        String word = uniqueWord();
        UUID inA = file(COMMUNE_A, "Trần Thị " + word);
        UUID inB = file(COMMUNE_B, "Trần Thị " + word);
        String a = inA.toString();
        String b = inB.toString();
        String name = "tran thi " + folded(word);

        assertThat(foundByName("officer", name)).as("Ba Đình's officer").containsExactly(a);
        assertThat(foundByName("chairman", name)).as("Ba Đình's chairman").containsExactly(a);
        assertThat(foundByName("officer.ngocha", name)).as("Ngọc Hà's officer").containsExactly(b);
        assertThat(foundByName("supervisor", name)).as("the province").containsExactlyInAnyOrder(a, b);
        assertThat(foundByName("hotline", name)).as("the hotline filed both").containsExactlyInAnyOrder(a, b);
        assertThat(foundByName("police", name)).as("no step was routed to the police yet").isEmpty();
        assertThat(foundByName("teacher", name)).isEmpty();
        assertThat(foundByName("health", name)).isEmpty();
        assertThat(foundByName("ctv.badinh", name)).as("a village collaborator reads no case file").isEmpty();
        assertThat(foundByName("admin", name)).isEmpty();

        // the hotline sees less of a case (CaseVisibility.seesWholeCase): initials, not the name
        JsonNode hotlineRow = search("hotline", Map.of("childName", name)).get("rows").get(0);
        assertThat(hotlineRow.has("childName") && !hotlineRow.get("childName").isNull()).isFalse();
        assertThat(hotlineRow.get("initials").asText()).isEqualTo("T.T.Ấ.");
        assertThat(as("hotline").post("/api/cases/search", Map.of("childName", name)).body().toString())
                .doesNotContain(word);

        planAPoliceMeasure(inA);
        assertThat(foundByName("police", name)).as("the police were given a measure of A").containsExactly(a);
        JsonNode policeRow = search("police", Map.of("childName", name)).get("rows").get(0);
        assertThat(policeRow.get("initials").asText()).isEqualTo("T.T.Ấ.");
        assertThat(policeRow.has("childName") && !policeRow.get("childName").isNull()).isFalse();
    }

    @Test
    void everyFilterNarrowsTheList() {
        String word = uniqueWord();
        UUID inA = file(COMMUNE_A, "Lê Minh " + word);
        UUID inB = file(COMMUNE_B, "Lê Minh " + word);
        String a = inA.toString();
        String b = inB.toString();
        complete("officer", inA, "verify_report", verification(true));
        String name = folded(word);
        String numberOfA = as("officer").get("/api/cases/" + inA).expect(200).body().get("caseNumber").asText();

        assertThat(found("supervisor", criteria("caseNumber", numberOfA))).containsExactly(a);
        assertThat(found("supervisor", criteria("caseNumber", " " + numberOfA.toLowerCase() + " "))).containsExactly(a);
        assertThat(found("supervisor", criteria("caseNumber", numberOfA.substring(0, numberOfA.length() - 1),
                "childName", name))).contains(a);
        assertThat(found("supervisor", criteria("caseNumber", "99999-"))).isEmpty();
        assertThat(found("supervisor", criteria("childName", name, "communeCode", COMMUNE_A))).containsExactly(a);
        assertThat(found("supervisor", criteria("childName", name, "communeCode", COMMUNE_B))).containsExactly(b);
        assertThat(found("supervisor", criteria("childName", name, "emergency", true))).containsExactly(a);
        assertThat(found("supervisor", criteria("childName", name, "emergency", false))).containsExactly(b);
        assertThat(found("supervisor", criteria("childName", name, "category", "ABUSED")))
                .containsExactlyInAnyOrder(a, b);
        assertThat(found("supervisor", criteria("childName", name, "category", "AT_RISK"))).isEmpty();
        assertThat(found("supervisor", criteria("childName", name, "status", "OPEN"))).containsExactlyInAnyOrder(a, b);
        assertThat(found("supervisor", criteria("childName", name, "status", "CLOSED"))).isEmpty();
        assertThat(found("supervisor", criteria("childName", name, "status", "TRANSFERRED"))).isEmpty();
        // "my agency's": the supervisor oversees both, yet no step of either was routed to the department
        assertThat(found("supervisor", criteria("childName", name, "mine", true))).isEmpty();
        assertThat(found("officer", criteria("childName", name, "mine", true))).containsExactly(a);
    }

    @Test
    void aClosedCaseIsFoundAndATransferredOneToo() {
        String word = uniqueWord();
        UUID closed = file(COMMUNE_A, "Phạm Hoà " + word);
        UUID moved = file(COMMUNE_A, "Phạm Hoà " + word);
        complete("officer", closed, "verify_report", UnfoundedReportIntegrationTests.unfounded("false_report", null));
        complete("chairman", closed, "confirm_early_close", Map.of("earlyCloseDecision", "confirm"));
        String transfer = as("officer").post("/api/cases/" + moved + "/transfers",
                Map.of("toCommuneCode", COMMUNE_B, "reason", "Gia đình đã chuyển đến Ngọc Hà")).expect(201).body()
                .get("id").asText();
        as("officer.ngocha").post("/api/cases/" + moved + "/transfers/" + transfer + "/accept", null).expect(200);
        String name = "pham hoa " + folded(word);

        assertThat(foundByName("officer", name)).as("closed cases are reachable")
                .contains(closed.toString());
        assertThat(found("officer", criteria("childName", name, "status", "CLOSED"))).containsExactly(closed.toString());
        assertThat(found("officer", criteria("childName", name, "status", "OPEN"))).doesNotContain(closed.toString());
        assertThat(found("officer.ngocha", criteria("childName", name, "status", "TRANSFERRED")))
                .containsExactly(moved.toString());
        JsonNode incoming = search("officer.ngocha", Map.of("childName", name)).get("rows").get(0);
        assertThat(incoming.get("childName").asText()).as("the commune that runs it now").isEqualTo("Phạm Hoà " + word);
        assertThat(incoming.get("transferred").asBoolean()).isTrue();
        // the commune that handed it over still finds it, as any other agency of the case: initials only
        JsonNode former = null;
        for (JsonNode row : search("officer", Map.of("childName", name)).get("rows")) {
            if (row.get("caseId").asText().equals(moved.toString())) {
                former = row;
            }
        }
        assertThat(former).isNotNull();
        assertThat(former.has("childName") && !former.get("childName").isNull()).isFalse();
    }

    @Test
    void theListIsPagedNewestActivityFirstWithTheCountBeside() {
        String word = uniqueWord();
        UUID first = file(COMMUNE_A, "Hoàng An " + word);
        UUID second = file(COMMUNE_A, "Hoàng An " + word);
        UUID third = file(COMMUNE_A, "Hoàng An " + word);
        String name = folded(word);

        JsonNode page0 = search("officer", criteria("childName", name, "size", 2));
        assertThat(page0.get("total").asInt()).isEqualTo(3);
        assertThat(page0.get("totalIsAtLeast").asBoolean()).isFalse();
        assertThat(page0.get("rows")).extracting(r -> r.get("caseId").asText())
                .containsExactly(third.toString(), second.toString());
        JsonNode page1 = search("officer", criteria("childName", name, "size", 2, "page", 1));
        assertThat(page1.get("rows")).extracting(r -> r.get("caseId").asText()).containsExactly(first.toString());

        // a step completed on the oldest makes it the newest activity
        complete("officer", first, "verify_report", verification(false));
        assertThat(found("officer", criteria("childName", name)))
                .containsExactly(first.toString(), third.toString(), second.toString());
    }

    @Test
    void aBadSearchIsRefusedNamingTheFieldInVietnameseAndEnglish() {
        var tooLong = as("officer").post("/api/cases/search", Map.of("childName", "a".repeat(101))).expect(400).body();
        assertThat(tooLong.get("errors").get(0).get("field").asText()).isEqualTo("childName");
        assertThat(tooLong.get("errors").get(0).get("message").asText()).isEqualTo("Tối đa 100 ký tự.");
        var english = as("officer").inLanguage("en").post("/api/cases/search", Map.of("size", 51)).expect(400).body();
        assertThat(english.get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertThat(english.get("errors").get(0).get("message").asText()).contains("50");
        as("officer").post("/api/cases/search", Map.of("page", 400, "size", 25)).expect(400);
        as("officer").post("/api/cases/search", Map.of("communeCode", "0000'; --")).expect(400);
        var status = as("officer").post("/api/cases/search", Map.of("status", "LOST")).expect(400).body();
        assertThat(status.get("errors").get(0).get("field").asText()).isEqualTo("status");
        var unknown = as("officer").post("/api/cases/search", Map.of("name", "x")).expect(400).body();
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("name");
        as("officer").post("/api/cases/search", Map.of("childName", "a b c d e f g")).expect(400);
        as("officer").postRaw("/api/cases/search", "{\"childName\": 5}").expect(400);
    }

    @Test
    void thePageListsTheCasesAndSearchesByAPostedName() {
        String word = uniqueWord();
        UUID caseId = file(COMMUNE_A, "Đỗ Thu " + word);
        String number = "data-case-number=\"" + as("officer").get("/api/cases/" + caseId).expect(200).body()
                .get("caseNumber").asText() + "\"";

        assertThat(pageAs("officer", "/cases")).contains(number);
        String found = pageAs("officer", "/cases", Map.of("childName", "do thu " + folded(word), "page", "0"));
        assertThat(found).contains(number).contains("Đỗ Thu " + word).contains("1 hồ sơ");
        String hotline = pageAs("hotline", "/cases", Map.of("childName", folded(word)));
        assertThat(hotline).contains(number).contains("Đ.T.Ấ.").doesNotContain(word);
        assertThat(pageAs("officer.ngocha", "/cases", Map.of("childName", folded(word)))).doesNotContain(number);
        assertThat(pageAs("officer", "/cases", Map.of("childName", "x".repeat(101)))).contains("Tối đa 100 ký tự");
        assertThat(pageAs("ctv.badinh", "/cases")).contains("Không có hồ sơ");
    }
}
