package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;
import vn.trean.workflow.CaseProcess;

/**
 * Issue 10 item 2: the statistics of a commune and of its province, from a known set of cases filed and worked
 * through the API in Tây Hồ (00103, Hà Nội), a ward no other test uses: its staff are created here. The commune's
 * figures are asserted whole, the province's as what the cases added to them.
 */
class StatisticsIntegrationTests extends ApiIntegrationTest {

    private static final String TAY_HO = "00103";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String STAFF_PASSWORD = "Thong-ke-Tay-Ho-2026";

    private Api officer;
    private Api chairman;
    private Api police;
    private String officerAgency;

    @Test
    void theCommuneAndItsProvinceCountReportsCasesAndEachChildOnce() {
        staffTayHo();
        LocalDate today = LocalDate.now(VIETNAM);
        String period = "/api/statistics?from=" + today.minusDays(30) + "&to=" + today;
        JsonNode provinceBefore = as("supervisor").get(period).expect(200).body();
        Instant now = Instant.now();

        // a girl in two cases: abuse confirmed, a crime the police prosecuted; then a second report about her
        UUID lan1 = file(report(now.minus(Duration.ofHours(2)), "ABUSED", List.of("VIOLENCE"), "Trần Thị Lan",
                "2019-05-01", null, "FEMALE"));
        Map<String, Object> crime = new HashMap<>(verification(false));
        crime.put("crimeIndicated", true);
        complete(officer, lan1, "verify_report", crime);
        complete(police, lan1, "confirm_crime_report", Map.of("receivedOn", today.toString(), "receiptReference", "TG-7/2026"));
        complete(police, lan1, "record_crime_outcome", Map.of("handlingOutcome", "prosecuted", "decisionNumber", "3/QĐ-KTVA",
                "decisionDate", today.toString()));
        UUID lan2 = file(report(now.minus(Duration.ofHours(1)), "ABUSED", List.of("SEXUAL_ABUSE"), "Trần Thị Lan",
                "2019-05-01", null, "FEMALE"));
        // a boy of 4, verified within the 12 hours, his plan approved at once: both deadlines met
        Instant yesterday = now.minus(Duration.ofHours(20));
        UUID nam = file(report(yesterday, "ABUSED", List.of("ABANDONMENT"), "Lê Văn Nam", "2022-01-10", null, "MALE"));
        workWithinTheDeadlines(nam, yesterday.plus(Duration.ofHours(1)));
        // a boy at risk, not abused as verification found, verified after his 12 hours (a breach of the officer)
        UUID khoi = file(report(now.minus(Duration.ofHours(20)), "AT_RISK", List.of(), "Phạm Minh Khôi", null, 13, "MALE"));
        runDueJobsOf(khoi);
        Map<String, Object> notAbused = new HashMap<>(verification(false));
        notAbused.put("abuseConfirmed", "no");
        complete(officer, khoi, "verify_report", notAbused);
        officer.post("/api/cases/" + khoi + "/reports", report(now, "AT_RISK", List.of(), "Phạm Minh Khôi", null, 13, "MALE"))
                .expect(200);
        // an unfounded report, closed as "verified, not a case"
        UUID mai = file(report(now.minus(Duration.ofHours(20)), "ABUSED", List.of("VIOLENCE"), "Hoàng Thị Mai", null, 10,
                "FEMALE"));
        complete(officer, mai, "verify_report", vn.trean.workflow.UnfoundedReportIntegrationTests.unfounded("false_report", null));
        complete(chairman, mai, "confirm_early_close", Map.of("earlyCloseDecision", "confirm"));
        // a toddler whose sex is not known, not verified yet
        UUID toddler = file(report(now.minus(Duration.ofMinutes(30)), "ABUSED", List.of("OTHER"), "Chưa rõ tên", null, 2,
                "UNKNOWN"));
        assertThat(List.of(lan2, toddler)).doesNotContainNull();

        JsonNode commune = officer.get(period).expect(200).body();
        assertThat(commune.at("/scope/communeCode").asText()).isEqualTo(TAY_HO);
        assertThat(commune.at("/scope/provinceCode").asText()).isEqualTo("01");
        assertThat(numbers(commune.get("reports"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "received", 7, "linked", 1, "verified", 4, "notACase", 1));
        assertThat(commune.at("/cases/total").asInt()).isEqualTo(5);
        assertThat(commune.at("/cases/open").asInt()).isEqualTo(5);
        assertThat(commune.at("/cases/closed").asInt()).isZero();
        assertThat(numbers(commune.at("/cases/byProtectionLevel"))).containsExactlyEntriesOf(ordered(
                "PREVENTION", 0, "SUPPORT", 1, "INTERVENTION", 0, "NOT_DECIDED", 4));
        assertThat(numbers(commune.at("/cases/byHandlingOutcome"))).containsExactlyEntriesOf(ordered(
                "PROSECUTED", 1, "ADMINISTRATIVE_SANCTION", 0, "NONE", 0, "PENDING", 0, "NOT_REFERRED", 4));
        assertThat(commune.at("/children/children").asInt()).as("Lan once, Nam, Khôi, the toddler").isEqualTo(4);
        assertThat(commune.at("/children/abused").asInt()).as("Lan once, Nam, the toddler").isEqualTo(3);
        assertThat(numbers(commune.at("/children/abusedBySex"))).containsExactlyEntriesOf(ordered(
                "MALE", 1, "FEMALE", 1, "UNKNOWN", 1));
        assertThat(numbers(commune.at("/children/abusedByAgeGroup"))).containsExactlyEntriesOf(ordered(
                "UNDER_6", 2, "FROM_6_TO_10", 1, "FROM_11_TO_15", 0, "FROM_16_TO_17", 0, "UNKNOWN", 0));
        assertThat(numbers(commune.at("/children/abusedByForm"))).as("Lan under both her forms").containsExactlyEntriesOf(
                ordered("VIOLENCE", 1, "EXPLOITATION", 0, "SEXUAL_ABUSE", 1, "TRAFFICKING", 0, "ABANDONMENT", 1, "OTHER", 1));
        assertThat(numbers(commune.get("compliance"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "twelveHourDue", 3, "twelveHourInTime", 1, "plansApproved", 1, "plansInTime", 1));
        assertThat(commune.get("breachesByAgency")).singleElement().satisfies(b -> {
            assertThat(b.get("agencyId").asText()).isEqualTo(officerAgency);
            assertThat(b.get("breaches").asInt()).isOne();
            assertThat(b.get("open").asInt()).as("verified since").isZero();
            assertThat(b.get("cases").asInt()).isOne();
        });
        assertThat(commune.get("trend").findValues("received")).extracting(JsonNode::asInt)
                .as("every month of the period").hasSizeGreaterThanOrEqualTo(2).satisfies(r ->
                        assertThat(r.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7));
        assertThat(commune.get("communes")).singleElement().satisfies(row -> assertTayHo(row));
        assertThat(commune.get("legacyDistricts")).isEmpty();

        // whole months are counted from the months kept (statistics_month), put right for what happened in the last
        // 12 hours and for children with an earlier case: the same figures
        String months = "/api/statistics?from=" + today.minusMonths(1).withDayOfMonth(1) + "&to="
                + java.time.YearMonth.from(today).atEndOfMonth();
        JsonNode kept = officer.get(months).expect(200).body();
        for (String part : List.of("reports", "cases", "children", "compliance", "breachesByAgency", "communes")) {
            assertThat(kept.get(part)).as(part).isEqualTo(commune.get(part));
        }

        JsonNode province = as("supervisor").get(period).expect(200).body();
        assertThat(province.at("/scope/communeCode").isNull() || province.at("/scope/communeCode").isMissingNode()).isTrue();
        assertThat(delta(provinceBefore, province, "/reports/received")).isEqualTo(7);
        assertThat(delta(provinceBefore, province, "/reports/notACase")).isEqualTo(1);
        assertThat(delta(provinceBefore, province, "/cases/total")).isEqualTo(5);
        assertThat(delta(provinceBefore, province, "/cases/byHandlingOutcome/PROSECUTED")).isEqualTo(1);
        assertThat(delta(provinceBefore, province, "/children/children")).isEqualTo(4);
        assertThat(delta(provinceBefore, province, "/children/abused")).isEqualTo(3);
        assertThat(delta(provinceBefore, province, "/children/abusedBySex/UNKNOWN")).isEqualTo(1);
        assertThat(delta(provinceBefore, province, "/children/abusedByAgeGroup/UNDER_6")).isEqualTo(2);
        assertThat(delta(provinceBefore, province, "/children/abusedByForm/SEXUAL_ABUSE")).isEqualTo(1);
        assertThat(delta(provinceBefore, province, "/compliance/plansInTime")).isEqualTo(1);
        assertThat(province.get("communes")).filteredOn(r -> TAY_HO.equals(r.get("code").asText()))
                .singleElement().satisfies(row -> assertTayHo(row));
        assertThat(as("supervisor").get(period + "&commune=" + TAY_HO).expect(200).body().get("children"))
                .as("the supervisor looking at the commune sees what its officer sees").isEqualTo(commune.get("children"));

        // the board's compliance for the same commune and period, counted its own way, agrees
        JsonNode board = officer.get("/api/board/compliance?from=" + today.minusDays(30) + "&to=" + today).expect(200).body();
        assertThat(board).singleElement().satisfies(row -> {
            assertThat(row.get("casesReceived").asInt()).isEqualTo(commune.at("/compliance/twelveHourDue").asInt());
            assertThat(row.get("twelveHourInTime").asInt()).isEqualTo(commune.at("/compliance/twelveHourInTime").asInt());
            assertThat(row.get("plansApproved").asInt()).isEqualTo(commune.at("/compliance/plansApproved").asInt());
            assertThat(row.get("plansInTime").asInt()).isEqualTo(commune.at("/compliance/plansInTime").asInt());
        });
    }

    @Test
    void aPreReformCaseRollsUpToTheLegacyDistrictOfItsCommune() {
        staffTayHo();
        Map<String, Object> late = report(Instant.parse("2025-03-15T03:00:00Z"), "ABUSED", List.of("VIOLENCE", "EXPLOITATION"),
                "Vũ Đức Anh", "2016-02-02", null, "MALE");
        late.put("lateReason", "Hồ sơ giấy năm 2025 được nhập lại");
        file(late);
        // Tây Hồ took over three wards of the legacy district Tây Hồ (003) and one of Long Biên (004)
        List<String> predecessors = List.of("00091", "00094", "00103", "00145");
        predecessors.forEach(legacy -> jdbc.sql("insert into locality_succession (legacy_code, current_code) values (?, ?)")
                .params(legacy, TAY_HO).update());
        try {
            JsonNode year2025 = as("supervisor").get("/api/statistics?from=2025-01-01&to=2025-12-31").expect(200).body();
            JsonNode district = year2025.get("legacyDistricts").findParents("code").stream()
                    .filter(r -> "003".equals(r.get("code").asText())).findFirst().orElseThrow();
            assertThat(district.get("name").asText()).isEqualTo("Tây Hồ");
            assertThat(district.get("received").asInt()).isOne();
            assertThat(district.get("cases").asInt()).isOne();
            assertThat(district.get("children").asInt()).isOne();
            assertThat(district.get("childrenAbused").asInt()).isOne();
            assertThat(year2025.get("legacyDistricts").findValuesAsText("code")).doesNotContain("004");

            JsonNode ofTheCommune = officer.get("/api/statistics?from=2025-01-01&to=2025-12-31").expect(200).body();
            assertThat(ofTheCommune.get("legacyDistricts")).singleElement()
                    .satisfies(r -> assertThat(r.get("code").asText()).isEqualTo("003"));
            assertThat(numbers(ofTheCommune.at("/children/abusedByForm"))).containsEntry("VIOLENCE", 1)
                    .containsEntry("EXPLOITATION", 1);
            assertThat(officer.get("/api/statistics?from=2025-07-01&to=2025-12-31").expect(200).body().get("legacyDistricts"))
                    .as("a period after the reform has no legacy roll-up").isEmpty();

            // the same boy again months later: a child of that month, not of a period that holds both his cases
            LocalDate again = LocalDate.now(VIETNAM).minusDays(200);
            String thatMonth = "/api/statistics?from=" + again.withDayOfMonth(1) + "&to="
                    + java.time.YearMonth.from(again).atEndOfMonth();
            String bothCases = "/api/statistics?from=2025-01-01&to=" + java.time.YearMonth.from(again).atEndOfMonth();
            JsonNode monthBefore = officer.get(thatMonth).expect(200).body();
            JsonNode bothBefore = officer.get(bothCases).expect(200).body();
            Map<String, Object> second = report(again.atTime(9, 0).atZone(VIETNAM).toInstant(), "ABUSED",
                    List.of("VIOLENCE"), "Vũ Đức Anh", "2016-02-02", null, "MALE");
            second.put("lateReason", "Hồ sơ giấy được nhập lại");
            file(second);
            JsonNode monthAfter = officer.get(thatMonth).expect(200).body();
            JsonNode bothAfter = officer.get(bothCases).expect(200).body();
            assertThat(delta(monthBefore, monthAfter, "/cases/total")).isOne();
            assertThat(delta(monthBefore, monthAfter, "/children/children")).isOne();
            assertThat(delta(monthBefore, monthAfter, "/children/abused")).isOne();
            assertThat(delta(monthBefore, monthAfter, "/children/abusedByForm/VIOLENCE")).isOne();
            assertThat(delta(monthBefore, monthAfter, "/children/abusedBySex/MALE")).isOne();
            assertThat(delta(bothBefore, bothAfter, "/cases/total")).isOne();
            assertThat(delta(bothBefore, bothAfter, "/children/children")).as("counted at his first case").isZero();
            assertThat(delta(bothBefore, bothAfter, "/children/abused")).isZero();
            assertThat(delta(bothBefore, bothAfter, "/children/abusedByForm/VIOLENCE")).isZero();
        } finally {
            jdbc.sql("delete from locality_succession where current_code = ?").param(TAY_HO).update();
        }
    }

    @Test
    void aScopeOutsideOnesOwnIsRefusedNamingIt() {
        String period = "/api/statistics?from=2026-01-01&to=2026-06-30";
        JsonNode otherCommune = as("officer").inLanguage("en").get(period + "&commune=00008").expect(403).body();
        assertThat(otherCommune.get("code").asText()).isEqualTo("statistics-scope-forbidden");
        assertThat(otherCommune.get("detail").asText()).contains("00008");
        assertThat(otherCommune.get("errors").findValuesAsText("field")).containsExactly("commune");
        assertThat(as("chairman").get(period + "&province=01").expect(403).body().get("errors").findValuesAsText("field"))
                .as("a commune's staff do not see the province").containsExactly("province");
        assertThat(as("supervisor").get(period + "&province=44").expect(403).body().get("errors").findValuesAsText("field"))
                .containsExactly("province");
        assertThat(as("supervisor").get(period + "&commune=18880").expect(403).body().get("detail").asText())
                .as("a commune of another province").contains("18880");
        assertThat(as("supervisor").get(period + "&commune=99999").expect(403).body().get("code").asText())
                .isEqualTo("statistics-scope-forbidden");
        assertThat(as("police").get(period).expect(403).body().get("code").asText()).isEqualTo("statistics-forbidden");
        assertThat(as("officer").get(period + "&commune=" + COMMUNE_A).expect(200).body().at("/scope/communeCode").asText())
                .isEqualTo(COMMUNE_A);
    }

    @Test
    void aReversedPeriodOrOneOfMoreThanFiveYearsIsRefusedNamingTo() {
        JsonNode reversed = as("supervisor").inLanguage("en").get("/api/statistics?from=2026-06-30&to=2026-01-01")
                .expect(400).body();
        assertThat(reversed.get("code").asText()).isEqualTo("period-reversed");
        assertThat(reversed.get("errors").findValuesAsText("field")).containsExactly("to");
        JsonNode tooLong = as("supervisor").inLanguage("en").get("/api/statistics?from=2021-01-01&to=2026-01-01")
                .expect(400).body();
        assertThat(tooLong.get("code").asText()).isEqualTo("period-too-long");
        assertThat(tooLong.get("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(tooLong.get("detail").asText()).contains("5 years");
        as("supervisor").get("/api/statistics?from=2021-01-01&to=2025-12-31").expect(200); // exactly five years
        assertThat(as("supervisor").get("/api/statistics?to=2026-01-01").expect(400).body().get("errors")
                .findValuesAsText("field")).containsExactly("from");
        as("supervisor").get("/api/statistics?from=1.1.2026&to=2026-06-30").expect(400);
    }

    @Test
    void theDatabaseCountsTheTwelveHourStepsTheProcessNames() {
        List<String> steps = jdbc.sql("select unnest(statistics_window_steps())").query(String.class).list();
        assertThat(steps).containsExactlyInAnyOrderElementsOf(CaseProcess.TWELVE_HOUR_STEP_KEYS);
    }

    // --- the known cases ---------------------------------------------------------------------------------

    private void assertTayHo(JsonNode row) {
        assertThat(row.get("code").asText()).isEqualTo(TAY_HO);
        assertThat(row.get("name").asText()).isEqualTo("Tây Hồ");
        assertThat(row.get("received").asInt()).isEqualTo(7);
        assertThat(row.get("verified").asInt()).isEqualTo(4);
        assertThat(row.get("notACase").asInt()).isEqualTo(1);
        assertThat(row.get("cases").asInt()).isEqualTo(5);
        assertThat(row.get("children").asInt()).isEqualTo(4);
        assertThat(row.get("childrenAbused").asInt()).isEqualTo(3);
        assertThat(row.at("/compliance/twelveHourInTime").asInt()).isOne();
        assertThat(row.at("/compliance/plansInTime").asInt()).isOne();
    }

    /** Verification, needs, the meeting (support), the plan drafted and approved: all at {@code at}, inside every deadline. */
    private void workWithinTheDeadlines(UUID caseId, Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        String day = LocalDate.ofInstant(at, VIETNAM).toString();
        complete(officer, caseId, "verify_report", verification(false));
        complete(officer, caseId, "assess_needs", needsAssessment());
        Map<String, Object> meeting = new HashMap<>(caseMeeting("support"));
        meeting.put("meetingDate", day);
        complete(chairman, caseId, "hold_case_meeting", meeting);
        complete(officer, caseId, "draft_plan", Map.of("planSummary", "Chăm sóc tại gia đình", "measures",
                List.of(Map.of("measureType", "family_counselling", "responsibleRole", "commune-officer",
                        "description", "Tư vấn cho bà", "startDate", day, "endDate", LocalDate.parse(day).plusDays(30).toString()))));
        complete(chairman, caseId, "approve_plan", Map.of("planApproved", "yes"));
        ClockUtil.reset();
    }

    /** The case's timers that are due, as the job executor would run them: its 12-hour window ends. */
    private void runDueJobsOf(UUID caseId) {
        for (Job job : management.createJobQuery().processInstanceId(instanceOf(caseId))
                .duedateLowerThan(new Date()).list()) {
            management.executeJob(job.getId());
        }
    }

    private Map<String, Object> report(Instant receivedAt, String category, List<String> forms, String name,
                                       String dateOfBirth, Integer estimatedAge, String sex) {
        Map<String, Object> report = report(TAY_HO, receivedAt, name);
        report.put("category", category);
        report.put("abuseForms", forms);
        Map<String, Object> child = new HashMap<>();
        child.put("fullName", name);
        child.put("sex", sex);
        if (dateOfBirth != null) {
            child.put("dateOfBirth", dateOfBirth);
        } else {
            child.put("estimatedAge", estimatedAge);
        }
        report.put("child", child);
        return report;
    }

    private UUID file(Map<String, Object> report) {
        return UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
    }

    private void complete(Api person, UUID caseId, String stepKey, Map<String, Object> values) {
        JsonNode tasks = person.get("/api/tasks?caseId=" + caseId).expect(200).body();
        String taskId = tasks.findParents("stepKey").stream().filter(t -> t.get("stepKey").asText().equals(stepKey))
                .findFirst().orElseThrow(() -> new AssertionError("no " + stepKey + " task: " + tasks))
                .get("taskId").asText();
        person.post("/api/tasks/" + taskId + "/complete", values).expect(204);
    }

    /**
     * Tây Hồ's officer, chairman and police with their agencies, created by the administrator as a province does
     * (once; the routing rules then send the commune's steps there).
     */
    private void staffTayHo() {
        officerAgency = agency("CHILD_PROTECTION_OFFICER", "Cán bộ BVTE phường Tây Hồ");
        officer = person("tayho.canbo", "COMMUNE_OFFICER", officerAgency);
        chairman = person("tayho.chutich", "COMMUNE_CHAIRMAN", agency("PEOPLES_COMMITTEE", "UBND phường Tây Hồ"));
        police = person("tayho.congan", "POLICE", agency("POLICE", "Công an phường Tây Hồ"));
    }

    private String agency(String kind, String name) {
        for (JsonNode existing : as("admin").get("/api/admin/agencies?locality=" + TAY_HO).expect(200).body()) {
            if (existing.get("kind").asText().equals(kind)) {
                return existing.get("id").asText();
            }
        }
        // in service since before the period the cases are worked in (the engine clock goes back to work one in time)
        return as("admin").post("/api/admin/agencies", Map.of("kind", kind, "name", name, "localityCode", TAY_HO,
                        "validFrom", "2025-01-01"))
                .expect(201).body().get("id").asText();
    }

    private Api person(String username, String role, String agencyId) {
        Api person = anonymous().withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (count("select count(*) from app_user where username = ?", username) == 0) {
            String oneTime = as("admin").post("/api/admin/users", Map.of("username", username, "displayName", username,
                    "role", role, "agencyId", agencyId)).expect(201).body().get("oneTimePassword").asText();
            anonymous().withHeader("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":" + oneTime).getBytes(StandardCharsets.UTF_8)))
                    .post("/api/account/password", Map.of("currentPassword", oneTime, "newPassword", STAFF_PASSWORD))
                    .expect(204);
        }
        return person;
    }

    private static Map<String, Integer> numbers(JsonNode object) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asInt()));
        return values;
    }

    private static Map<String, Integer> ordered(Object... keysAndValues) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return values;
    }

    private static int delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asInt() - before.at(pointer).asInt();
    }
}
