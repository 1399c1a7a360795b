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
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 5: layout version 2 of the open-data export (docs/open-data-export.md) — the case's dimensions as
 * classified through the API, the police's decision, each measure's actual cost — read back from CSV and JSON; layout
 * 1 of the same cases exactly as published. Every assertion picks this class's own cases by number: the shared
 * database holds other classes' closed cases too.
 */
class OpenDataExportV2IntegrationTests extends OpenDataExportTest {

    private static final String CHILD = "Phan Thị Bích Ngọc";
    private static final String PERPETRATOR = "Trịnh Văn Lực";
    private static final String DECISION = "15/QĐ-XPHC";
    private static final List<String> V2_COLUMNS = Stream.concat(V1_COLUMNS.stream(), Stream.of(
            "abuseFormsAtClosing", "abuseSubtypes", "environment", "specialCircumstances", "disabilitySeverity",
            "perpetratorRelation", "perpetratorAgeGroup", "perpetratorSex", "handlingDecisionNumber",
            "handlingDecisionDate", "measureActualCosts")).toList();
    private static final List<String> V1_CASE_FIELDS = List.of("caseNumber", "communeCode", "provinceCode",
            "receivedDate", "closedDate", "category", "abuseForms", "protectionLevel", "emergency", "separation",
            "handlingOutcome", "closingOutcome", "closingReason", "child", "measures");
    private static final List<String> V2_CASE_FIELDS = Stream.concat(V1_CASE_FIELDS.stream(), Stream.of(
            "abuseFormsAtClosing", "abuseSubtypes", "environment", "specialCircumstances", "disabilitySeverity",
            "perpetrator", "handlingDecisionNumber", "handlingDecisionDate")).toList();

    @Test
    void layoutTwoCarriesTheClassificationThePolicesDecisionAndEachMeasuresCostAsCsvAndJson() throws IOException {
        String handled = caseNumber(classifiedSanctionedAndClosed());
        String unfounded = caseNumber(closedAsNotACase());
        String period = "from=" + today() + "&to=" + today();

        String csv = download("supervisor", "/api/exports/closed-cases?" + period + "&layoutVersion=2", 2);
        JsonNode json = as("supervisor").get("/api/exports/closed-cases?" + period + "&format=json&layoutVersion=2")
                .expect(200).body();

        assertThat(csv + json).doesNotContain(CHILD, "Bích Ngọc", PERPETRATOR, "Lực", "Tổ 5", "vết bầm");
        var parsed = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1)));
        assertThat(parsed.getHeaderNames()).isEqualTo(V2_COLUMNS);
        Map<String, CSVRecord> rows = new HashMap<>();
        parsed.getRecords().forEach(r -> rows.put(r.get("caseNumber"), r));
        assertThat(json.get("layoutVersion").asInt()).isEqualTo(2);
        assertThat(json.get("count").asInt()).isEqualTo(json.get("cases").size()).isEqualTo(rows.size());
        Map<String, JsonNode> cases = new HashMap<>();
        json.get("cases").forEach(c -> cases.put(c.get("caseNumber").asText(), c));

        CSVRecord row = rows.get(handled);
        assertThat(row.get("layoutVersion")).isEqualTo("2");
        assertThat(row.get("abuseForms")).as("as reported").isEqualTo("VIOLENCE");
        assertThat(row.get("handlingOutcome")).isEqualTo("ADMINISTRATIVE_SANCTION");
        assertThat(row.get("closingOutcome")).isEqualTo("CASE_HANDLED");
        assertThat(row.get("measureCount")).isEqualTo("2");
        assertThat(row.get("measures")).isEqualTo("family_counselling|commune-officer|" + today() + "|"
                + today().plusDays(30) + "|PARTLY_DONE;safety_monitoring|police|" + today() + "|"
                + today().plusDays(30) + "|DONE");
        assertThat(row.get("abuseFormsAtClosing")).isEqualTo("VIOLENCE;SEXUAL_ABUSE");
        assertThat(row.get("abuseSubtypes")).isEqualTo("MOLESTATION");
        assertThat(row.get("environment")).isEqualTo("SCHOOL");
        assertThat(row.get("specialCircumstances")).isEqualTo("DISABLED;SEXUALLY_ABUSED");
        assertThat(row.get("disabilitySeverity")).isEqualTo("MILD");
        assertThat(row.get("perpetratorRelation")).isEqualTo("TEACHER");
        assertThat(row.get("perpetratorAgeGroup")).isEqualTo("ADULT");
        assertThat(row.get("perpetratorSex")).isEqualTo("MALE");
        assertThat(row.get("handlingDecisionNumber")).isEqualTo(DECISION);
        assertThat(row.get("handlingDecisionDate")).isEqualTo(today().toString());
        assertThat(row.get("measureActualCosts")).as("in the order of measures; none recorded: empty")
                .isEqualTo(";1500000");

        JsonNode same = cases.get(handled);
        assertThat(fieldNames(same)).isEqualTo(V2_CASE_FIELDS);
        assertThat(same.get("child").size()).as("pseudonym, age and sex: nothing else of the child").isEqualTo(3);
        assertThat(same.at("/child/pseudonym").asText()).isEqualTo(row.get("childPseudonym"));
        assertThat(same.get("handlingOutcome").asText()).isEqualTo("ADMINISTRATIVE_SANCTION");
        assertThat(texts(same.get("abuseForms"))).containsExactly("VIOLENCE");
        assertThat(texts(same.get("abuseFormsAtClosing"))).containsExactly("VIOLENCE", "SEXUAL_ABUSE");
        assertThat(texts(same.get("abuseSubtypes"))).containsExactly("MOLESTATION");
        assertThat(same.get("environment").asText()).isEqualTo("SCHOOL");
        assertThat(texts(same.get("specialCircumstances"))).containsExactly("DISABLED", "SEXUALLY_ABUSED");
        assertThat(same.get("disabilitySeverity").asText()).isEqualTo("MILD");
        assertThat(same.get("perpetrator").toString())
                .isEqualTo("{\"relation\":\"TEACHER\",\"ageGroup\":\"ADULT\",\"sex\":\"MALE\"}");
        assertThat(same.get("handlingDecisionNumber").asText()).isEqualTo(DECISION);
        assertThat(same.get("handlingDecisionDate").asText()).isEqualTo(today().toString());
        JsonNode counselling = same.get("measures").get(0);
        assertThat(fieldNames(counselling)).containsExactly("kind", "agencyKind", "startDate", "endDate", "status",
                "actualCost");
        assertThat(counselling.get("kind").asText()).isEqualTo("family_counselling");
        assertThat(counselling.get("agencyKind").asText()).isEqualTo("commune-officer");
        assertThat(counselling.get("startDate").asText()).isEqualTo(today().toString());
        assertThat(counselling.get("endDate").asText()).isEqualTo(today().plusDays(30).toString());
        assertThat(counselling.get("status").asText()).isEqualTo("PARTLY_DONE");
        assertThat(counselling.get("actualCost").isNull()).isTrue();
        JsonNode monitoring = same.get("measures").get(1);
        assertThat(monitoring.get("kind").asText()).isEqualTo("safety_monitoring");
        assertThat(monitoring.get("agencyKind").asText()).isEqualTo("police");
        assertThat(monitoring.get("status").asText()).isEqualTo("DONE");
        assertThat(monitoring.get("actualCost").asLong()).isEqualTo(1_500_000L);

        CSVRecord notACase = rows.get(unfounded);
        assertThat(notACase.get("closingOutcome")).isEqualTo("VERIFIED_NOT_A_CASE");
        assertThat(notACase.get("closingReason")).isEqualTo("already_resolved");
        assertThat(notACase.get("childPseudonym")).as("the same child").isEqualTo(row.get("childPseudonym"));
        assertThat(notACase.get("abuseFormsAtClosing")).isEqualTo("VIOLENCE");
        for (String empty : List.of("abuseSubtypes", "environment", "specialCircumstances", "disabilitySeverity",
                "perpetratorRelation", "perpetratorAgeGroup", "perpetratorSex", "handlingOutcome",
                "handlingDecisionNumber", "handlingDecisionDate", "measureActualCosts")) {
            assertThat(notACase.get(empty)).as(empty).isEmpty();
        }
        JsonNode notACaseJson = cases.get(unfounded);
        assertThat(notACaseJson.get("environment").isNull()).isTrue();
        assertThat(notACaseJson.get("abuseSubtypes")).isEmpty();
        assertThat(notACaseJson.get("perpetrator").toString())
                .isEqualTo("{\"relation\":null,\"ageGroup\":null,\"sex\":null}");
        assertThat(notACaseJson.get("handlingDecisionNumber").isNull()).isTrue();
        assertThat(notACaseJson.get("measures")).isEmpty();
    }

    @Test
    void layoutOneOfTheSameCasesIsWrittenExactlyAsPublishedAndStaysTheDefault() throws IOException {
        String handled = caseNumber(classifiedSanctionedAndClosed());
        String period = "from=" + today() + "&to=" + today();

        String csv = download("supervisor", "/api/exports/closed-cases?" + period, 1);
        String explicit = download("supervisor", "/api/exports/closed-cases?" + period + "&layoutVersion=1", 1);
        JsonNode json = as("supervisor").get("/api/exports/closed-cases?" + period + "&format=json").expect(200).body();

        assertThat(explicit).isEqualTo(csv);
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", V1_COLUMNS));
        String pseudonym = pseudonymIn(lines, handled);
        assertThat(lines).contains("1," + handled + ",00004,01," + today() + "," + today()
                + ",ABUSED,VIOLENCE,intervention,false,false,ADMINISTRATIVE_SANCTION,CASE_HANDLED,," + pseudonym
                + ",9,FEMALE,2,family_counselling|commune-officer|" + today() + "|" + today().plusDays(30)
                + "|PARTLY_DONE;safety_monitoring|police|" + today() + "|" + today().plusDays(30) + "|DONE");
        assertThat(csv).doesNotContain("SCHOOL", "MOLESTATION", DECISION, "1500000");

        assertThat(fieldNames(json)).containsExactly("layoutVersion", "provinceCode", "from", "to", "cases", "count");
        assertThat(json.get("layoutVersion").asInt()).isEqualTo(1);
        JsonNode same = null;
        for (JsonNode c : json.get("cases")) {
            if (handled.equals(c.get("caseNumber").asText())) {
                same = c;
            }
        }
        assertThat(same).isNotNull();
        assertThat(fieldNames(same)).isEqualTo(V1_CASE_FIELDS);
        assertThat(same.get("child").toString())
                .isEqualTo("{\"pseudonym\":\"" + pseudonym + "\",\"ageAtReport\":9,\"sex\":\"FEMALE\"}");
        assertThat(same.get("measures").get(1).toString()).isEqualTo("{\"kind\":\"safety_monitoring\","
                + "\"agencyKind\":\"police\",\"startDate\":\"" + today() + "\",\"endDate\":\"" + today().plusDays(30)
                + "\",\"status\":\"DONE\"}");
        assertThat(same.get("handlingOutcome").asText()).isEqualTo("ADMINISTRATIVE_SANCTION");
    }

    @Test
    void anUnknownLayoutVersionIsRefusedNamingTheFieldInBothLanguagesAndNothingIsAudited() {
        int before = count("select count(*) from trean.audit_event where action = 'OPEN_DATA_EXPORTED'");

        for (String version : List.of("0", "3", "-1", "abc")) {
            JsonNode problem = as("supervisor").get("/api/exports/closed-cases?from=2026-01-01&to=2026-06-30"
                    + "&layoutVersion=" + version).expect(400).body();
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(version).containsExactly("layoutVersion");
        }
        assertThat(as("supervisor").get("/api/exports/closed-cases?from=2026-01-01&to=2026-06-30&layoutVersion=3")
                .expect(400).body().get("errors").get(0).get("message").asText()).contains("1, 2");
        assertThat(as("supervisor").inLanguage("en")
                .get("/api/exports/closed-cases?from=2026-01-01&to=2026-06-30&layoutVersion=3").expect(400).body()
                .get("errors").get(0).get("message").asText()).isEqualTo("Must be one of: 1, 2.");

        assertThat(count("select count(*) from trean.audit_event where action = 'OPEN_DATA_EXPORTED'"))
                .isEqualTo(before);
    }

    @Test
    void aLayoutTwoExportIsAuditedWithItsVersion() throws IOException {
        closedAsNotACase();

        String csv = download("admin", "/api/exports/closed-cases?from=" + today() + "&to=" + today()
                + "&province=01&layoutVersion=2", 2);

        JsonNode detail = json.readTree(jdbc.sql("""
                        select detail::text from trean.audit_event where action = 'OPEN_DATA_EXPORTED'
                        and actor = 'admin' order by id desc limit 1""").query(String.class).single());
        assertThat(detail.get("layoutVersion").asInt()).isEqualTo(2);
        assertThat(detail.get("provinceCode").asText()).isEqualTo("01");
        assertThat(detail.get("rows").asLong()).isEqualTo(CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords().size());
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * A case of Ba Đình run to its end: a crime indicated and sanctioned (the police name the perpetrator), classified
     * through the API, a plan with a commune measure (partly done, no cost) and a police measure (done, 1,500,000 đ),
     * reviewed and closed.
     */
    private UUID classifiedSanctionedAndClosed() {
        UUID caseId = file();
        Map<String, Object> verification = new HashMap<>(verification(false));
        verification.put("crimeIndicated", true);
        complete("officer", caseId, "verify_report", verification);
        complete("police", caseId, "confirm_crime_report", Map.of("receivedOn", today().toString(),
                "receiptReference", "TG-41/2026"));
        complete("police", caseId, "record_crime_outcome", Map.of("handlingOutcome", "administrative_sanction",
                "decisionNumber", DECISION, "decisionDate", today().toString(), "perpetratorName", PERPETRATOR));
        complete("officer", caseId, "assess_needs", needsAssessment());
        complete("chairman", caseId, "hold_case_meeting", caseMeeting("intervention"));
        String start = today().toString();
        String end = today().plusDays(30).toString();
        complete("officer", caseId, "draft_plan", Map.of("planSummary", "Theo dõi và tư vấn", "measures", List.of(
                Map.of("measureType", "safety_monitoring", "responsibleRole", "police", "description", "Theo dõi",
                        "startDate", start, "endDate", end),
                Map.of("measureType", "family_counselling", "responsibleRole", "commune-officer",
                        "description", "Tư vấn cho mẹ", "startDate", start, "endDate", end))));
        complete("chairman", caseId, "approve_plan", Map.of("planApproved", "yes"));
        as("officer").put("/api/cases/" + caseId + "/classification", Map.of(
                "abuseForms", List.of("VIOLENCE", "SEXUAL_ABUSE"), "abuseSubtypes", List.of("MOLESTATION"),
                "specialCircumstances", List.of("SEXUALLY_ABUSED", "DISABLED"), "disabilitySeverity", "MILD",
                "environment", "SCHOOL",
                "perpetrator", Map.of("relation", "TEACHER", "ageGroup", "ADULT", "sex", "MALE"))).expect(200);
        complete("police", caseId, "implement_measure", Map.of("status", "done", "completedOn", today().toString(),
                "actualCost", 1_500_000));
        complete("officer", caseId, "implement_measure", Map.of("status", "partly_done",
                "completedOn", today().toString()));
        complete("officer", caseId, "review_case", Map.of("remainingHarm", "low", "perpetratorAccess", "low",
                "careObstacles", "low", "selfProtection", "high", "noLongerAtRisk", true, "stateStable", true,
                "reviewNote", "Trẻ ổn định"));
        complete("chairman", caseId, "close_case", Map.of("closedOn", today().toString(), "closingSituation", "safe_at_home", "closingNote", "Kết thúc"));
        return caseId;
    }

    /** A report about the same child that verification found unfounded, closed as "verified, not a case". */
    private UUID closedAsNotACase() {
        UUID caseId = file();
        closeAsNotACase(caseId);
        return caseId;
    }

    private UUID file() {
        return UUID.fromString(as("hotline").post("/api/reports", report(COMMUNE_A, Instant.now(), CHILD)).expect(201)
                .body().get("id").asText());
    }

    private static String pseudonymIn(String[] lines, String caseNumber) {
        for (String line : lines) {
            if (line.startsWith("1," + caseNumber + ",")) {
                return line.split(",")[14];
            }
        }
        throw new AssertionError(caseNumber + " is not in the export");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The body of a CSV download of the period up to today, exactly as sent; its file named after its layout. */
    private String download(String user, String path, int layoutVersion) throws IOException {
        var response = downloadCsv(user, path, layoutVersion);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .endsWith(layoutVersion == 1 ? today() + ".csv\"" : "-v" + layoutVersion + ".csv\"");
        return response.body();
    }
}
