package vn.trean.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;
import vn.trean.identity.CookieSession;
import vn.trean.notifications.ReceivedMails;
import vn.trean.notifications.ReceivedMails.Mail;
import vn.trean.notifications.mail.OutboxMailer;

/**
 * Issue 10 item 4: the commune officer or chairman reports a case as serious with one click; the province department
 * gets it in the app and by mail (a real SMTP server: GreenMail on the test profile's port, as in
 * NotificationMailIntegrationTests), without the child's name; the case's timeline records it.
 */
class SeriousCaseReportIntegrationTests extends ApiIntegrationTest {

    private static final String CHILD = "Phạm Thị Hồng Nhung";
    private static final String SUPERVISOR_MAIL = "supervisor@demo.trean.vn";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    OutboxMailer mailer;

    @Test
    void theOfficerReportsAnEmergencyAndTheProvinceDepartmentGetsItInTheAppAndByMailWithoutTheChildsName() {
        UUID caseId = emergencyWithThePolice();
        String caseNumber = caseNumber(caseId);

        JsonNode report = as("officer").post("/api/cases/" + caseId + "/serious-report", null).expect(201).body();

        String department = jdbc.sql("select agency_id from app_user where username = 'supervisor'").query(String.class)
                .single();
        assertThat(report.get("recipientAgencyId").asText()).isEqualTo(department);
        JsonNode content = report.get("content");
        assertThat(content.at("/child/initials").asText()).isEqualTo("P.T.H.N.");
        assertThat(content.at("/child/ageYears").asInt()).isEqualTo(9);
        assertThat(content.at("/child/sex").asText()).isEqualTo("FEMALE");
        assertThat(content.at("/place/communeName").asText()).isEqualTo("Ba Đình");
        assertThat(content.get("emergency").asBoolean()).isTrue();
        assertThat(content.get("measures").findValuesAsText("step")).contains("verify_report", "emergency_reported",
                "emergency_intervention", "police_response");
        assertThat(report.get("textVi").asText()).contains("BÁO CÁO VỤ VIỆC NGHIÊM TRỌNG", "Hồ sơ: " + caseNumber,
                "Nơi xảy ra: Ba Đình, Hà Nội", "Trẻ em: P.T.H.N., 9 tuổi, Nữ", "Bạo lực", "Trường hợp khẩn cấp: Có",
                "Xác minh, đánh giá nguy cơ ban đầu", "Ngăn chặn hành vi xâm hại, bảo vệ trẻ", "\n  Cơ quan tham gia: công an");
        assertThat(report.get("textEn").asText()).contains("SERIOUS CASE REPORT", "Child: P.T.H.N., 9 years old, Female");
        assertThat(report.toString()).as("no name, no address, no free text").doesNotContain(CHILD, "Nhung", "Tổ 5",
                "vết bầm", "nơi an toàn", "biên bản");

        JsonNode notifications = as("supervisor").get("/api/notifications").expect(200).body();
        assertThat(notifications).filteredOn(n -> n.get("caseId").asText().equals(caseId.toString())
                && n.get("kind").asText().equals("SERIOUS_CASE_REPORTED")).hasSize(1);

        ReceivedMails.deliverAll(mailer);
        List<Mail> mails = ReceivedMails.to(smtp, SUPERVISOR_MAIL, caseNumber, "Báo cáo vụ việc nghiêm trọng");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains("Serious case report");
        assertThat(mails.get(0).body()).contains("Trẻ em: P.T.H.N., 9 tuổi, Nữ", "Child: P.T.H.N., 9 years old",
                "http://localhost:8080/cases/" + caseId);
        assertThat(mails.get(0).subject() + mails.get(0).body()).doesNotContain(CHILD, "Nhung", "Tổ 5", "vết bầm",
                "nơi an toàn", "biên bản");
        assertThat(ReceivedMails.to(smtp, "officer@demo.trean.vn", caseNumber, "nghiêm trọng")).as("the commune is not mailed")
                .isEmpty();

        JsonNode entry = timelineEntry("supervisor", caseId);
        assertThat(entry.get("completedAt").asText()).isEqualTo(report.get("sentAt").asText());
        assertThat(entry.at("/data/sentTo").asText()).isNotBlank();
        assertThat(timelineEntry("officer", caseId)).isNotNull();
        assertThat(count("select count(*) from trean.audit_event where action = 'SERIOUS_CASE_REPORTED' and case_id = ? "
                + "and actor = 'officer'", caseId)).isOne();
        assertThat(as("supervisor").get("/api/cases/" + caseId + "/serious-reports").expect(200).body()
                .findValuesAsText("id")).containsExactly(report.get("id").asText());
    }

    @Test
    void aSecondClickWithinAMinuteSendsNothingAndAClickAMinuteLaterSendsAgain() {
        UUID caseId = fileCase();
        JsonNode first = as("officer").post("/api/cases/" + caseId + "/serious-report", null).expect(201).body();

        JsonNode again = as("chairman").post("/api/cases/" + caseId + "/serious-report", null).expect(200).body();

        assertThat(again.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(reportsOf(caseId)).isOne();
        assertThat(count("select count(*) from notification where case_id = ? and kind = 'SERIOUS_CASE_REPORTED'",
                caseId)).isOne();
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'serious_case_reported'",
                caseId)).isOne();

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofSeconds(61))));
        JsonNode later = as("chairman").post("/api/cases/" + caseId + "/serious-report", null).expect(201).body();

        assertThat(later.get("id").asText()).isNotEqualTo(first.get("id").asText());
        assertThat(later.get("sentBy").asText()).isEqualTo("chairman");
        assertThat(reportsOf(caseId)).isEqualTo(2);
        assertThat(count("select count(*) from notification where case_id = ? and kind = 'SERIOUS_CASE_REPORTED'",
                caseId)).isEqualTo(2);
    }

    @Test
    void aCaseTheCallerMayNotSeeIsMissingAndAnotherAgencyOfTheCaseIsRefused() {
        UUID caseId = fileCase();

        as("officer.ngocha").post("/api/cases/" + caseId + "/serious-report", null).expect(404);
        as("officer").post("/api/cases/" + UUID.randomUUID() + "/serious-report", null).expect(404);
        JsonNode refused = as("hotline").post("/api/cases/" + caseId + "/serious-report", null).expect(403).body();
        assertThat(refused.get("code").asText()).isEqualTo("serious-report-not-yours");
        as("supervisor").post("/api/cases/" + caseId + "/serious-report", null).expect(403);
        as("hotline").get("/api/cases/" + caseId + "/serious-reports").expect(403);
        as("officer.ngocha").get("/api/cases/" + caseId + "/serious-reports").expect(404);

        assertThat(reportsOf(caseId)).isZero();
        assertThat(count("select count(*) from step_record where case_id = ? and step_key = 'serious_case_reported'",
                caseId)).isZero();
    }

    @Test
    void theCasePagesButtonSendsTheReportAndComesBackToTheCaseWithAMessage() {
        UUID caseId = fileCase();
        CookieSession officer = CookieSession.signIn(port, "chairman", PASSWORD);
        String page = officer.get(port, "/cases/" + caseId).body();
        assertThat(page).contains("action=\"/cases/" + caseId + "/serious-report\"", "Báo cáo vụ việc nghiêm trọng");
        assertThat(CookieSession.signIn(port, "hotline", PASSWORD).get(port, "/cases/" + caseId).body())
                .as("no button for an agency that may not report").doesNotContain("/serious-report");

        var sent = officer.postForm(port, "/cases/" + caseId + "/serious-report",
                Map.of("_csrf", officer.pageToken(port, "/cases/" + caseId)));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId);
        String after = officer.get(port, "/cases/" + caseId).body();
        assertThat(after).contains("Đã gửi báo cáo vụ việc nghiêm trọng đến", "Đã báo cáo vụ việc nghiêm trọng",
                "BÁO CÁO VỤ VIỆC NGHIÊM TRỌNG");
        assertThat(reportsOf(caseId)).isOne();
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A case of Ba Đình whose emergency the police answered; free text in the steps names the child. */
    private UUID emergencyWithThePolice() {
        UUID caseId = fileCase();
        complete("officer", caseId, "verify_report", verification(true));
        complete("chairman", caseId, "emergency_intervention", Map.of("measuresTaken",
                "Đưa cháu Nhung đến nơi an toàn", "agenciesInvolved", List.of("police"),
                "interventionCompletedAt", now(), "separationNeeded", false));
        complete("police", caseId, "police_response", Map.of("actionsTaken", "Lập biên bản, bảo vệ cháu Nhung",
                "actedAt", now(), "evidenceKept", true, "evidenceDescription", "Ảnh, biên bản"));
        return caseId;
    }

    private UUID fileCase() {
        return UUID.fromString(as("hotline").post("/api/reports", report(COMMUNE_A, Instant.now(), CHILD)).expect(201)
                .body().get("id").asText());
    }

    private JsonNode timelineEntry(String reader, UUID caseId) {
        for (JsonNode step : as(reader).get("/api/cases/" + caseId).expect(200).body().get("steps")) {
            if (step.get("stepKey").asText().equals("serious_case_reported")) {
                return step;
            }
        }
        throw new AssertionError(reader + " sees no serious_case_reported entry in case " + caseId);
    }

    private int reportsOf(UUID caseId) {
        return count("select count(*) from serious_case_report where case_id = ?", caseId);
    }

    private String caseNumber(UUID caseId) {
        return jdbc.sql("select case_number from case_file where id = ?").param(caseId).query(String.class).single();
    }

    private static String now() {
        return LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
