package vn.trean.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 8, items 7 and 8: the holiday calendar as data. Each test uses years of its own (2031–2038), so
 * that the shared database's other tests keep the shipped calendar.
 */
class HolidayCalendarIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    private TaskService taskService;

    @Test
    void addingAHolidayMovesAnOpenWorkingDayTimerAndItsTaskByOneWorkingDay() {
        // a probe process: a task due in 5 working days, with a timer of the same 5 working days on it
        repositoryService.createDeployment().name("holiday probe")
                .addModelInstance("holiday_probe.bpmn", probeModel())
                .addString("holiday_probe.form", "{\"id\":\"holiday_probe\",\"type\":\"default\",\"components\":[],"
                        + "\"schemaVersion\":16}")
                .deploy();
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        // Monday 3 March 2031, 09:00: both start; 2031 has no holidays yet
        ClockUtil.setCurrentTime(Date.from(vietnam(2031, 3, 3, 9)));
        String instance = runtimeService.startProcessInstanceByKey("holiday_probe").getId();
        complete("officer", caseId, "verify_report", verification(false));
        Instant mondayNextWeek = vietnam(2031, 3, 10, 9);
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(mondayNextWeek);
        assertThat(probeTaskDue(instance)).isEqualTo(mondayNextWeek);
        JsonNode assess = taskOf("officer", caseId, "assess_needs");
        assertThat(Instant.parse(assess.get("dueAt").asText())).isEqualTo(mondayNextWeek);
        assertThat(assess.get("dueWithoutHolidaysOf").asInt()).as("computed without 2031's holidays").isEqualTo(2031);

        // Wednesday 5 March becomes a holiday
        JsonNode saved = as("admin").put("/api/admin/holidays/2031", yearDays(List.of("2031-01-01", "2031-03-05"),
                List.of(), "Công bố lịch nghỉ 2031")).expect(200).body();
        assertThat(saved.at("/year/configured").asBoolean()).isTrue();
        assertThat(saved.at("/recalculated/timers").asInt()).isGreaterThanOrEqualTo(1);

        Instant tuesday = vietnam(2031, 3, 11, 9);
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate().toInstant()).isEqualTo(tuesday);
        assertThat(probeTaskDue(instance)).isEqualTo(tuesday);
        JsonNode moved = taskOf("officer", caseId, "assess_needs");
        assertThat(Instant.parse(moved.get("dueAt").asText())).isEqualTo(tuesday);
        assertThat(absent(moved, "dueWithoutHolidaysOf")).as("no longer marked").isTrue();
        assertThat(taskService.createTaskQuery().taskId(moved.get("taskId").asText()).singleResult().getDueDate()
                .toInstant()).isEqualTo(tuesday);

        // saving the same days again moves nothing (idempotent)
        JsonNode again = as("admin").put("/api/admin/holidays/2031", yearDays(List.of("2031-01-01", "2031-03-05"),
                List.of(), "Lưu lại")).expect(200).body();
        assertThat(again.at("/recalculated/timers").asInt()).isZero();
        assertThat(again.at("/recalculated/tasks").asInt()).isZero();
        assertThat(probeTaskDue(instance)).isEqualTo(tuesday);
        runtimeService.deleteProcessInstance(instance, "test done");
    }

    @Test
    void aYearWithoutHolidaysIsWarnedAboutFromTheFirstOfOctoberAndNotOnTheThirtiethOfSeptember() {
        ClockUtil.setCurrentTime(Date.from(vietnam(2034, 9, 30, 23)));
        assertThat(absent(as("admin").get("/api/admin/holidays").expect(200).body(), "missingNextYear")).isTrue();
        assertThat(page("supervisor", "/board")).doesNotContain("Chưa cấu hình ngày nghỉ năm 2035");
        assertThat(page("admin", "/admin/holidays")).doesNotContain("Chưa cấu hình ngày nghỉ năm 2035");

        ClockUtil.setCurrentTime(Date.from(vietnam(2034, 10, 1, 0)));
        assertThat(as("admin").get("/api/admin/holidays").expect(200).body().get("missingNextYear").asInt()).isEqualTo(2035);
        assertThat(page("supervisor", "/board")).contains("Chưa cấu hình ngày nghỉ năm 2035");
        assertThat(page("admin", "/admin/holidays")).contains("Chưa cấu hình ngày nghỉ năm 2035");
        assertThat(page("admin", "/admin/holidays?lang=en")).contains("No holidays configured for 2035");
    }

    @Test
    void aWorkingDayDeadlineFallingInAnUnconfiguredYearIsMarked() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        // Monday 7 June 2032: nobody configured 2032
        ClockUtil.setCurrentTime(Date.from(vietnam(2032, 6, 7, 10)));
        complete("officer", caseId, "verify_report", verification(false));

        JsonNode assess = taskOf("officer", caseId, "assess_needs");
        assertThat(Instant.parse(assess.get("dueAt").asText())).isEqualTo(vietnam(2032, 6, 14, 10));
        assertThat(assess.get("dueWithoutHolidaysOf").asInt()).isEqualTo(2032);
        assertThat(page("officer", "/tasks/" + assess.get("taskId").asText()))
                .contains("hạn tính khi chưa có lịch nghỉ năm 2032");
        // the officer has many tasks from other test classes: the case filter keeps this one on the first page
        assertThat(page("officer", "/tasks?caseId=" + caseId)).contains("hạn tính khi chưa có lịch nghỉ năm 2032");
        assertThat(page("chairman", "/board")).contains("có hạn tính khi chưa có lịch nghỉ năm 2032");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        int audited = auditedChangesOf(2033);
        List<String> sixtyOne = LocalDate.of(2033, 1, 1).datesUntil(LocalDate.of(2033, 3, 3)).map(LocalDate::toString).toList();
        assertThat(sixtyOne).hasSize(61);

        JsonNode outside = as("admin").inLanguage("en").put("/api/admin/holidays/2033",
                yearDays(List.of("2033-01-01", "2032-12-31"), List.of(), "x")).expect(400).body();
        assertThat(outside.at("/errors/0/field").asText()).isEqualTo("holidays[1].date");
        assertThat(outside.at("/errors/0/message").asText()).isEqualTo("The date is not in 2033.");

        JsonNode tooMany = as("admin").put("/api/admin/holidays/2033", yearDays(sixtyOne, List.of(), "x")).expect(400).body();
        assertThat(tooMany.at("/errors/0/field").asText()).isEqualTo("holidays");
        assertThat(tooMany.at("/errors/0/message").asText()).isEqualTo("Tối đa 60 ngày cho một năm.");

        JsonNode weekday = as("admin").put("/api/admin/holidays/2033",
                yearDays(List.of("2033-01-03"), List.of("2033-03-01"), "x")).expect(400).body();
        assertThat(weekday.at("/errors/0/field").asText()).isEqualTo("makeUpWorkingDays[0].date");
        assertThat(weekday.at("/errors/0/message").asText()).isEqualTo("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");

        JsonNode both = as("admin").put("/api/admin/holidays/2033",
                yearDays(List.of("2033-01-01"), List.of("2033-01-01"), "x")).expect(400).body();
        assertThat(both.at("/errors/0/field").asText()).isEqualTo("makeUpWorkingDays[0].date");

        as("admin").put("/api/admin/holidays/2019", yearDays(List.of("2019-01-01"), List.of(), "x")).expect(400);
        as("admin").put("/api/admin/holidays/2033", Map.of("holidays", List.of(), "reason", "x", "extra", 1)).expect(400);

        assertThat(as("admin").get("/api/admin/holidays/2033").expect(200).body().get("configured").asBoolean()).isFalse();
        assertThat(count("select count(*) from holiday_day where year = 2033")).isZero();
        assertThat(auditedChangesOf(2033)).isEqualTo(audited);
    }

    @Test
    void savingAYearIsAuditedWithWhoTheDaysBeforeAndAfterAndTheReason() {
        as("admin").put("/api/admin/holidays/2036", yearDays(List.of("2036-01-01"), List.of(), "Lần đầu")).expect(200);
        as("admin").put("/api/admin/holidays/2036", yearDays(List.of("2036-01-01", "2036-04-30"), List.of("2036-04-26"),
                "Bổ sung 30/4")).expect(200);

        List<JsonNode> entries = jdbc.sql("""
                        select actor, detail::text from trean.audit_event
                        where action = 'HOLIDAYS_CHANGED' and detail ->> 'year' = '2036' order by id""")
                .query((rs, i) -> {
                    try {
                        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(rs.getString(2));
                        node.put("actor", rs.getString(1));
                        return (JsonNode) node;
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).list();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(absent(entries.get(0), "before")).as("not configured before").isTrue();
        JsonNode second = entries.get(1);
        assertThat(second.get("reason").asText()).isEqualTo("Bổ sung 30/4");
        assertThat(second.at("/before/holidays").toString()).isEqualTo("[\"2036-01-01\"]");
        assertThat(second.at("/after/holidays").toString()).isEqualTo("[\"2036-01-01\",\"2036-04-30\"]");
        assertThat(second.at("/after/makeUpWorkingDays").toString()).isEqualTo("[\"2036-04-26\"]");

        JsonNode years = as("admin").get("/api/admin/holidays").expect(200).body().get("years");
        JsonNode y2036 = null;
        for (JsonNode y : years) {
            if (y.get("year").asInt() == 2036) {
                y2036 = y;
            }
        }
        assertThat(y2036).isNotNull();
        assertThat(y2036.get("holidays").asInt()).isEqualTo(2);
        assertThat(y2036.get("makeUpWorkingDays").asInt()).isEqualTo(1);
    }

    @Test
    void theShippedHolidaysAreSeededOnceAsConfiguredYears() {
        JsonNode y2027 = as("admin").get("/api/admin/holidays/2027").expect(200).body();
        assertThat(y2027.get("configured").asBoolean()).isTrue();
        assertThat(y2027.get("holidays").toString()).contains("2027-02-05").contains("2027-09-03");
        JsonNode y2025 = as("admin").get("/api/admin/holidays/2025").expect(200).body();
        assertThat(y2025.get("makeUpWorkingDays").toString()).contains("2025-04-26");
    }

    private static BpmnModelInstance probeModel() {
        return Bpmn.createExecutableProcess("holiday_probe").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("task_probe").camundaCandidateGroups("commune-officer").camundaFormRef("holiday_probe")
                .camundaFormRefBinding("deployment").camundaDueDate("P5WD")
                .boundaryEvent("timer_probe_5wd").timerWithDate("P5WD").endEvent("end_timer")
                .moveToActivity("task_probe").endEvent("end_done")
                .done();
    }

    /** Null values are left out of the API's JSON. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    private Instant probeTaskDue(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getDueDate().toInstant();
    }

    private int auditedChangesOf(int year) {
        return count("select count(*) from trean.audit_event where action = 'HOLIDAYS_CHANGED' and detail ->> 'year' = ?",
                String.valueOf(year));
    }

    private static Map<String, Object> yearDays(List<String> holidays, List<String> makeUp, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("holidays", days(holidays));
        body.put("makeUpWorkingDays", days(makeUp));
        body.put("reason", reason);
        return body;
    }

    private static List<Map<String, Object>> days(List<String> dates) {
        List<Map<String, Object>> days = new ArrayList<>();
        dates.forEach(d -> days.add(Map.of("date", d)));
        return days;
    }

    /** A page's HTML as {@code user} (HTTP Basic), in Vietnamese unless the path asks otherwise. */
    private String page(String user, String path) {
        return pageAs(user, path);
    }

    private static Instant vietnam(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(VIETNAM).toInstant();
    }
}
