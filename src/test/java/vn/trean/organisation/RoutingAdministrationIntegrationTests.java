package vn.trean.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/** Administrators read and change the routing rules, and see the communes where a role has no agency. */
class RoutingAdministrationIntegrationTests extends ApiIntegrationTest {

    @Autowired
    Organisation organisation;

    @Test
    void everyRuleIsListedByRoleScopeAndFirstDay() {
        JsonNode rules = as("admin").get("/api/admin/routing").expect(200).body();
        List<String> lines = new ArrayList<>();
        rules.forEach(r -> lines.add(r.get("roleKey").asText() + " " + r.get("agencyKind").asText() + " "
                + r.get("scope").asText() + " " + r.get("validFrom").asText() + " " + r.path("validTo").asText("null")));
        assertThat(lines).contains("police POLICE COMMUNE 2016-06-01 null",
                "province-supervisor PROVINCE_LABOUR_DEPT PROVINCE 2016-06-01 2025-02-28")
                .containsSubsequence("province-supervisor PROVINCE_LABOUR_DEPT PROVINCE 2016-06-01 2025-02-28",
                        "province-supervisor PROVINCE_HEALTH_DEPT PROVINCE 2025-03-01 null");
        assertThat(lines).isSortedAccordingTo(java.util.Comparator.comparing(l -> l.split(" ")[0]));
        as("officer").get("/api/admin/routing").expect(403);
    }

    @Test
    void aRuleOverlappingAnotherOfTheSameRoleAndScopeIsRefusedNamingIt() {
        JsonNode problem = as("admin").post("/api/admin/routing", rule("health", "WOMENS_UNION", "COMMUNE",
                today().plusDays(10), null)).expect(409).body();
        assertThat(problem.get("code").asText()).isEqualTo("routing-rule-overlaps");
        JsonNode overlapping = problem.get("overlappingRules").get(0);
        assertThat(overlapping.get("roleKey").asText()).isEqualTo("health");
        assertThat(overlapping.get("agencyKind").asText()).isEqualTo("HEALTH_STATION");
        assertThat(problem.get("detail").asText()).contains(overlapping.get("id").asText());
    }

    @Test
    void aRuleEndingBeforeItStartsIsRefusedNamingValidTo() {
        JsonNode problem = as("admin").post("/api/admin/routing", rule("health", "WOMENS_UNION", "COMMUNE",
                LocalDate.of(2030, 1, 2), LocalDate.of(2030, 1, 1))).expect(400).body();
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("validTo");
    }

    @Test
    void gapsListTheCommunesOfAProvinceWhereARoleHasNoAgency() {
        JsonNode gaps = as("admin").get("/api/admin/routing/gaps?province=01").expect(200).body();
        assertThat(gaps.get("on").asText()).isEqualTo(today().toString());
        Map<String, List<String>> missing = missingByCommune(gaps);
        String communeWithoutAgencies = jdbc.sql("""
                        select min(code) from locality l where list = 'V2025' and level = 'COMMUNE' and province_code = '01'
                        and not exists (select 1 from agency a where a.locality_code = l.code)""").query(String.class).single();
        assertThat(missing.get(communeWithoutAgencies)).contains("police", "commune-officer");
        assertThat(missing.getOrDefault(COMMUNE_A, List.of())).doesNotContain("police");
        assertThat(missing.values()).allSatisfy(roles -> assertThat(roles).doesNotContain("hotline", "province-supervisor"));
        assertThat(missing.size()).isLessThanOrEqualTo(126);

        JsonNode unknown = as("admin").get("/api/admin/routing/gaps?province=99").expect(400).body();
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("province");
    }

    @Test
    void aRuleFromAFutureDayLeavesTodaysRoutingAsItIs() {
        // the police role's newest rule is ended far ahead, and a new rule takes over the day after
        JsonNode newest = null;
        for (JsonNode rule : as("admin").get("/api/admin/routing").expect(200).body()) {
            if (rule.get("roleKey").asText().equals("police")
                    && (newest == null || rule.get("validFrom").asText().compareTo(newest.get("validFrom").asText()) > 0)) {
                newest = rule;
            }
        }
        LocalDate from = LocalDate.parse(newest.get("validFrom").asText());
        LocalDate lastDay = (from.isAfter(today()) ? from : today()).plusYears(200);
        LocalDate changeDay = lastDay.plusDays(1);
        Map<String, Object> end = new HashMap<>();
        end.put("validTo", lastDay.toString());
        as("admin").put("/api/admin/routing/" + newest.get("id").asText(), end).expect(200);
        JsonNode added = as("admin").post("/api/admin/routing", rule("police", "VILLAGE_COLLABORATOR", "COMMUNE",
                changeDay, null)).expect(201).body();
        assertThat(added.get("agencyKind").asText()).isEqualTo("VILLAGE_COLLABORATOR");
        String collaborators = as("admin").post("/api/admin/agencies", Map.of("kind", "VILLAGE_COLLABORATOR",
                "name", "Cộng tác viên tổ dân phố", "localityCode", "00025")).expect(201).body().get("id").asText();

        assertThat(organisation.agencyForRole("police", "00025", "01", today()).orElseThrow().id())
                .isEqualTo("police-00025");
        assertThat(organisation.agencyForRole("police", "00025", "01", lastDay).orElseThrow().id())
                .isEqualTo("police-00025");
        assertThat(organisation.agencyForRole("police", "00025", "01", changeDay).orElseThrow().kind())
                .isEqualTo(AgencyKind.VILLAGE_COLLABORATOR);
        assertThat(collaborators).startsWith("village-collaborator-00025");
        // from that day a commune without collaborators (Ngọc Hà; the demo gives Ba Đình some) has a gap for police
        String withoutCollaborators = "00008";
        Map<String, List<String>> then = missingByCommune(as("admin")
                .get("/api/admin/routing/gaps?province=01&on=" + changeDay).expect(200).body());
        assertThat(then.get(withoutCollaborators)).contains("police");
        assertThat(missingByCommune(as("admin").get("/api/admin/routing/gaps?province=01").expect(200).body())
                .getOrDefault(withoutCollaborators, List.of())).doesNotContain("police");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ROUTING_RULE_ADDED' and detail ->> 'ruleId' = ?")
                .param(added.get("id").asText()).query(Long.class).single()).isEqualTo(1);
    }

    private static Map<String, Object> rule(String role, String kind, String scope, LocalDate from, LocalDate to) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("roleKey", role);
        rule.put("agencyKind", kind);
        rule.put("scope", scope);
        rule.put("validFrom", from.toString());
        if (to != null) {
            rule.put("validTo", to.toString());
        }
        return rule;
    }

    private static Map<String, List<String>> missingByCommune(JsonNode gaps) {
        Map<String, List<String>> missing = new HashMap<>();
        for (JsonNode commune : gaps.get("communes")) {
            List<String> roles = new ArrayList<>();
            commune.get("missingRoles").forEach(r -> roles.add(r.asText()));
            missing.put(commune.get("communeCode").asText(), roles);
        }
        return missing;
    }
}
