package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;
import vn.trean.identity.UserDirectory;
import vn.trean.reporting.periodic.PeriodicFigures;

/**
 * Reminders of the periodic reports (issue 10 item 3): 10 and 3 days before the due date, to the communes that have
 * not submitted and to the province department, once each however often the job runs; and the board's card of the
 * next report. Each test uses a year of its own, far from the other tests' periods.
 */
class ReportRemindersIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String PROVINCE_DEPARTMENT = "health-dept-01";

    @Autowired
    private ReportReminders reminders;
    @Autowired
    private ReportSubmissions submissions;
    @Autowired
    private UserDirectory users;

    private static void today(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(8, 0)).atZone(VIETNAM).toInstant()));
    }

    private void submit(String username, String commune, int year) {
        submissions.submit(users.find(username).orElseThrow(), commune, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 6, 30), PeriodicFigures.of(Map.of("cases", 1L)), null);
    }

    /** The REPORT_DUE notifications of an agency for the commune or province report of {@code year}. */
    private List<String> reminded(String agencyId, String level, int year) {
        return jdbc.sql("""
                        select detail from notification
                         where kind = 'REPORT_DUE' and agency_id = :agency and dedupe_key like :key
                         order by id""")
                .param("agency", agencyId).param("key", "REPORT_DUE:" + level + "/%/SIX_MONTHS/" + year + "/%")
                .query(String.class).list();
    }

    @Test
    void aCommuneThatHasNotSubmittedIsRemindedOnceTenDaysBeforeAndAgainThreeDaysBefore() {
        int year = 2043;
        submit("officer.ngocha", COMMUNE_B, year);
        today(LocalDate.of(year, 5, 15));

        reminders.remind();
        reminders.remind();

        String line = "Báo cáo 6 tháng đầu năm 2043 đến hạn ngày 25/05/2043 (còn 10 ngày)";
        assertThat(reminded("child-protection-" + COMMUNE_A, "COMMUNE", year)).containsExactly(line);
        assertThat(reminded("committee-" + COMMUNE_A, "COMMUNE", year)).containsExactly(line);
        assertThat(reminded("child-protection-" + COMMUNE_B, "COMMUNE", year)).isEmpty();
        assertThat(reminded("committee-" + COMMUNE_B, "COMMUNE", year)).isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from report_reminder
                         where level = 'COMMUNE' and unit_code = :unit and kind = 'SIX_MONTHS' and year = :year""")
                .param("unit", COMMUNE_A).param("year", year).query(Integer.class).single()).isEqualTo(1);
        JsonNode mine = as("officer").get("/api/notifications").expect(200).body();
        JsonNode notice = null;
        for (JsonNode n : mine) {
            if ("REPORT_DUE".equals(n.get("kind").asText()) && line.equals(n.get("detail").asText())) {
                notice = n;
            }
        }
        assertThat(notice).as("the officer's in-app notification").isNotNull();
        assertThat(notice.get("caseId").isNull()).isTrue();
        List<String> subjects = jdbc.sql("""
                        select m.subject from mail_outbox m join notification n on n.id = m.notification_id
                         where n.kind = 'REPORT_DUE' and n.detail = :line""")
                .param("line", line).query(String.class).list();
        assertThat(subjects).allSatisfy(subject -> assertThat(subject)
                .contains(line).contains("Report for the first six months of 2043 due on 25/05/2043 (10 days left)"));

        today(LocalDate.of(year, 5, 22));
        reminders.remind();
        reminders.remind();

        assertThat(reminded("child-protection-" + COMMUNE_A, "COMMUNE", year)).containsExactly(line,
                "Báo cáo 6 tháng đầu năm 2043 đến hạn ngày 25/05/2043 (còn 3 ngày)");
        assertThat(reminded("child-protection-" + COMMUNE_B, "COMMUNE", year)).isEmpty();
    }

    @Test
    void theProvinceDepartmentIsRemindedBeforeTheTwentiethOfMayAndNoCommuneYet() {
        int year = 2044;
        today(LocalDate.of(year, 5, 9));
        reminders.remind();
        assertThat(reminded(PROVINCE_DEPARTMENT, "PROVINCE", year)).isEmpty();

        today(LocalDate.of(year, 5, 10));
        reminders.remind();
        reminders.remind();

        assertThat(reminded(PROVINCE_DEPARTMENT, "PROVINCE", year))
                .containsExactly("Báo cáo 6 tháng đầu năm 2044 đến hạn ngày 20/05/2044 (còn 10 ngày)");
        assertThat(reminded("child-protection-" + COMMUNE_A, "COMMUNE", year)).as("15 days before the communes' day")
                .isEmpty();

        today(LocalDate.of(year, 5, 18));
        reminders.remind();
        assertThat(reminded(PROVINCE_DEPARTMENT, "PROVINCE", year)).hasSize(2)
                .last().isEqualTo("Báo cáo 6 tháng đầu năm 2044 đến hạn ngày 20/05/2044 (còn 2 ngày)");
    }

    @Test
    void theBoardShowsTheNextReportAndWhoHasSubmittedIt() {
        int year = 2045;
        submit("officer.ngocha", COMMUNE_B, year);
        today(LocalDate.of(year, 5, 15));

        JsonNode commune = as("officer").get("/api/board").expect(200).body().get("periodicReport");
        assertThat(commune.get("level").asText()).isEqualTo("COMMUNE");
        assertThat(commune.get("kind").asText()).isEqualTo("SIX_MONTHS");
        assertThat(commune.get("dueOn").asText()).isEqualTo("2045-05-25");
        assertThat(commune.get("periodFrom").asText()).isEqualTo("2045-01-01");
        assertThat(commune.get("periodTo").asText()).isEqualTo("2045-06-30");
        assertThat(commune.get("daysLeft").asLong()).isEqualTo(10);
        assertThat(commune.get("submitted").asBoolean()).isFalse();
        assertThat(as("officer.ngocha").get("/api/board").expect(200).body().get("periodicReport").get("submitted")
                .asBoolean()).isTrue();

        JsonNode province = as("supervisor").get("/api/board").expect(200).body().get("periodicReport");
        assertThat(province.get("level").asText()).isEqualTo("PROVINCE");
        assertThat(province.get("dueOn").asText()).isEqualTo("2045-05-20");
        assertThat(province.get("daysLeft").asLong()).isEqualTo(5);
        assertThat(province.get("communesSubmitted").asInt()).isEqualTo(1);
        assertThat(province.get("communes").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(province.has("submitted")).as("a province submits to the ministry, not here").isFalse();

        String page = pageAs("officer", "/board");
        assertThat(page).contains("Báo cáo định kỳ sắp đến hạn", "6 tháng đầu năm 2045", "còn 10 ngày",
                "Xã/phường chưa gửi số liệu của kỳ này.", "/statistics?from=2045-01-01&amp;to=2045-06-30#periodic");
    }
}
