package vn.trean.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.PlanMeasure;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;

class CaseSheetTests {

    private final CaseView caseView = new CaseView(UUID.randomUUID(), "00004-2026-0001", "00004", "01", "ABUSED", "OPEN",
            "intervention", false, Instant.now(), Instant.now(), null, null,
            new CaseView.Child("Nguyễn Thị Hoà", null, 9, "FEMALE"),
            new CaseView.Report("hotline-111", "hotline", "PHONE", "Tổ 5", "Vết bầm", null, "Bố nghiện rượu",
                    List.of("VIOLENCE"), null, List.of(), null),
            List.of(step("verify_report", "child-protection-00004"), step("implement_measure", "police-00004"),
                    step("implement_measure", "health-station-00004")),
            List.of(measure("police"), measure("health")), List.of(), null, null, null);

    @Test
    void communeOfficersChairmenAndSupervisorsSeeTheWholeFile() {
        for (Role role : List.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN, Role.PROVINCE_SUPERVISOR)) {
            CaseSheet sheet = CaseSheet.of(caseView, user(role, "x"));
            assertThat(sheet.fullView()).isTrue();
            assertThat(sheet.report()).isNotNull();
            assertThat(sheet.steps()).hasSize(3);
            assertThat(sheet.measures()).hasSize(2);
            assertThat(sheet.viewers()).isTrue();
        }
    }

    @Test
    void policeSeeTheirOwnStepsAndMeasuresButNotTheReportNorWhoReadTheFile() {
        CaseSheet sheet = CaseSheet.of(caseView, user(Role.POLICE, "police-00004"));
        assertThat(sheet.report()).isNull();
        assertThat(sheet.steps()).extracting(CaseView.Step::agencyId).containsExactly("police-00004");
        assertThat(sheet.measures()).extracting(PlanMeasure::responsibleRole).containsExactly("police");
        assertThat(sheet.viewers()).isFalse();
    }

    @Test
    void theReceivingPointSeesTheReportItRecordedAndNothingOfTheCommunesWork() {
        CaseSheet sheet = CaseSheet.of(caseView, user(Role.HOTLINE_OPERATOR, "hotline-111"));
        assertThat(sheet.report()).isNotNull();
        assertThat(sheet.steps()).isEmpty();
        assertThat(sheet.measures()).isEmpty();
    }

    private static CurrentUser user(Role role, String agencyId) {
        return new CurrentUser("u", "U", role, agencyId, "00004", "01");
    }

    private static CaseView.Step step(String key, String agencyId) {
        return new CaseView.Step(key, UUID.randomUUID().toString(), agencyId, Instant.now(), null, null, null,
                Map.of("note", "x"), null);
    }

    private PlanMeasure measure(String role) {
        return new PlanMeasure(UUID.randomUUID(), null, 1, "safety_monitoring", role, "d", LocalDate.now(),
                LocalDate.now(), null, null, "ACTIVE", null);
    }
}
