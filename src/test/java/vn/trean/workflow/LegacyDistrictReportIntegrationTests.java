package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/**
 * Issue 9 item 2, for legacy records: an emergency declared or a separation decided in a case received before
 * 1 Jul 2025 is told at once to the province department and to the labour office of the legacy district the
 * commune belonged to (the demo: today's Giảng Võ took over the ward Giảng Võ of the district Ba Đình). The office
 * gets a notice and nothing else: no access to the case, no child's name.
 */
class LegacyDistrictReportIntegrationTests extends ApiIntegrationTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String GIANG_VO = "00025";
    private static final String DISTRICT_OFFICE = "district-labour-office-001";
    private static final String PROVINCE = "health-dept-01";
    private static final String CHOSEN_PASSWORD = "Giang-Vo-bao-ve-tre-em-2026";
    private static final String OFFICER = "officer.giangvo";
    private static final String CHAIRMAN = "chairman.giangvo";
    /** A person of the district office with a role that reads a whole case wherever its agency has access. */
    private static final String OFFICE_PERSON = "phong.ldtbxh.badinh";
    private static final String CHILD = "Lò Thị Hiền";

    @Test
    void districtOfficeOfAPreReformCaseIsToldOfTheEmergencyAndTheSeparationWithoutAccessToTheCase() {
        UUID caseId = emergencyDeclared(GIANG_VO, LocalDateTime.of(2025, 6, 30, 21, 0));

        assertThat(kindsOf(OFFICE_PERSON, caseId)).containsExactly("EMERGENCY_REPORTED");
        assertThat(kindsOf("supervisor", caseId)).containsOnlyOnce("EMERGENCY_REPORTED");
        assertThat(reportedTo(caseId, "emergency_reported")).containsExactly(PROVINCE, DISTRICT_OFFICE);
        assertThat(timelineEntry(caseId, "emergency_reported").get("agencyId").asText()).isEqualTo(PROVINCE);
        person(OFFICE_PERSON).get("/api/cases/" + caseId).expect(404);
        assertThat(person(OFFICE_PERSON).get("/api/tasks?caseId=" + caseId).expect(200).body()).isEmpty();
        assertThat(casePage(caseId)).contains("Đã báo cáo cấp tỉnh", "Đã báo cho",
                "Sở Y tế Hà Nội, Phòng Lao động - Thương binh và Xã hội quận Ba Đình");

        person(CHAIRMAN).post("/api/tasks/" + taskId(CHAIRMAN, caseId, "emergency_intervention") + "/complete",
                Map.of("measuresTaken", "Đưa trẻ đến nơi an toàn", "agenciesInvolved", List.of("hotline"),
                        "interventionCompletedAt", now(), "separationNeeded", true)).expect(204);
        person(CHAIRMAN).post("/api/tasks/" + taskId(CHAIRMAN, caseId, "decide_separation") + "/complete",
                Map.of("decisionNumber", "07/QĐ-UBND", "decisionDate", LocalDate.now(VIETNAM).toString(),
                        "shelter", "Nhà tạm lánh của phường")).expect(204);

        assertThat(kindsOf(OFFICE_PERSON, caseId)).containsExactlyInAnyOrder("EMERGENCY_REPORTED", "SEPARATION_REPORTED");
        assertThat(reportedTo(caseId, "separation_reported")).containsExactly(PROVINCE, DISTRICT_OFFICE);
        person(OFFICE_PERSON).get("/api/cases/" + caseId).expect(404);

        List<String> mails = mailsTo(OFFICE_PERSON, caseId);
        String caseNumber = person(OFFICER).get("/api/cases/" + caseId).expect(200).body().get("caseNumber").asText();
        assertThat(mails).hasSize(2).allSatisfy(body -> assertThat(body).contains(caseNumber, "01/7/2025")
                .doesNotContain(CHILD, "/cases/"));
    }

    @Test
    void districtOfficeIsNotToldOfACaseReceivedOnTheFirstDayOfTheTwoTierList() {
        UUID caseId = emergencyDeclared(GIANG_VO, LocalDateTime.of(2025, 7, 1, 0, 30));

        assertThat(kindsOf("supervisor", caseId)).containsOnlyOnce("EMERGENCY_REPORTED");
        assertThat(kindsOf(OFFICE_PERSON, caseId)).isEmpty();
        assertThat(reportedTo(caseId, "emergency_reported")).containsExactly(PROVINCE);
        person(OFFICE_PERSON).get("/api/cases/" + caseId).expect(404);
    }

    @Test
    void preReformCaseOfACommuneWithoutAKnownLegacyDistrictIsReportedToTheProvinceAlone() {
        UUID caseId = emergencyDeclared(COMMUNE_A, LocalDateTime.of(2025, 6, 2, 10, 0));

        assertThat(kindsOf("supervisor", caseId)).containsOnlyOnce("EMERGENCY_REPORTED");
        assertThat(reportedTo(caseId, "emergency_reported")).containsExactly(PROVINCE);
        assertThat(count("select count(*) from notification where case_id = ? and agency_id like 'district-labour-office-%'",
                caseId)).isZero();
    }

    /**
     * A case of the commune received on the given Vietnam date and time (filed late, as a record from paper), whose
     * verification by the commune officer declared an emergency.
     */
    private UUID emergencyDeclared(String commune, LocalDateTime receivedInVietnam) {
        people();
        Map<String, Object> report = report(commune, receivedInVietnam.atZone(VIETNAM).toInstant(), CHILD);
        report.put("lateReason", "Hồ sơ giấy trước khi chuyển sang hệ thống");
        UUID caseId = UUID.fromString(as("hotline").post("/api/reports", report).expect(201).body().get("id").asText());
        String officer = GIANG_VO.equals(commune) ? OFFICER : "officer";
        person(officer).post("/api/tasks/" + taskId(officer, caseId, "verify_report") + "/complete", verification(true))
                .expect(204);
        return caseId;
    }

    /** Giảng Võ has no demo people: its officer, its chairman and a person of Ba Đình's district office. */
    private void people() {
        ensureUser(OFFICER, "COMMUNE_OFFICER", "child-protection-" + GIANG_VO);
        ensureUser(CHAIRMAN, "COMMUNE_CHAIRMAN", "committee-" + GIANG_VO);
        ensureUser(OFFICE_PERSON, "COMMUNE_OFFICER", DISTRICT_OFFICE);
    }

    /** A person created once by the administrator, who has replaced their one-time password. */
    private void ensureUser(String username, String role, String agencyId) {
        if (count("select count(*) from app_user where username = ?", username) > 0) {
            return;
        }
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("displayName", "Người dùng " + username);
        user.put("email", username + "@giangvo.example");
        user.put("role", role);
        user.put("agencyId", agencyId);
        String oneTime = as("admin").post("/api/admin/users", user).expect(201).body().get("oneTimePassword").asText();
        withPassword(username, oneTime).post("/api/account/password",
                Map.of("currentPassword", oneTime, "newPassword", CHOSEN_PASSWORD)).expect(204);
    }

    private Api person(String username) {
        return username.contains(".") ? withPassword(username, CHOSEN_PASSWORD) : as(username);
    }

    private String taskId(String username, UUID caseId, String stepKey) {
        for (JsonNode task : person(username).get("/api/tasks?caseId=" + caseId).expect(200).body()) {
            if (task.get("stepKey").asText().equals(stepKey)) {
                return task.get("taskId").asText();
            }
        }
        throw new AssertionError(username + " has no " + stepKey + " task for case " + caseId);
    }

    private List<String> kindsOf(String username, UUID caseId) {
        return notificationKinds(person(username), caseId);
    }

    private JsonNode timelineEntry(UUID caseId, String stepKey) {
        return timelineEntry(as("supervisor"), caseId, stepKey);
    }

    /** The agencies a timeline entry says were told. */
    private List<String> reportedTo(UUID caseId, String stepKey) {
        List<String> ids = new ArrayList<>();
        timelineEntry(caseId, stepKey).get("data").get("reportedTo").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private List<String> mailsTo(String username, UUID caseId) {
        return jdbc.sql("""
                        select m.subject || '\n' || m.body from mail_outbox m join notification n on n.id = m.notification_id
                        where m.recipient = ? and n.case_id = ? order by m.id""")
                .param(username).param(caseId).query(String.class).list();
    }

    /** The case page as the province supervisor's browser gets it (HTML, Vietnamese). */
    private String casePage(UUID caseId) {
        return as("supervisor").withHeader("Accept", "text/html").get("/cases/" + caseId).expect(200).body().asText();
    }

    private static String now() {
        return LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
