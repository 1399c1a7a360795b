package vn.trean.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

class MyTasksIntegrationTests extends ApiIntegrationTest {

    @Test
    void soonestDeadlineComesFirst() {
        UUID later = fileReport(COMMUNE_A, Instant.now());
        UUID sooner = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(3)));
        List<String> order = caseIds(everyTask("officer", ""));
        assertThat(order.indexOf(sooner.toString())).isLessThan(order.indexOf(later.toString()));
    }

    @Test
    void filtersNarrowTheListToOverdueEmergencyOrOneStep() {
        UUID overdue = fileReport(COMMUNE_A, Instant.now().minus(Duration.ofHours(13)));
        UUID fresh = fileReport(COMMUNE_A, Instant.now());
        UUID emergency = fileReport(COMMUNE_A, Instant.now());
        complete("officer", emergency, "verify_report", verification(true));

        List<String> overdueOnly = caseIds(everyTask("officer", "overdue=true"));
        assertThat(overdueOnly).contains(overdue.toString()).doesNotContain(fresh.toString());

        List<String> emergencies = caseIds(everyTask("chairman", "emergency=true"));
        assertThat(emergencies).contains(emergency.toString());
        assertThat(everyTask("chairman", "emergency=true")).allMatch(t -> t.get("emergency").asBoolean());

        List<JsonNode> verifications = everyTask("officer", "step=verify_report");
        assertThat(verifications).allMatch(t -> t.get("stepKey").asText().equals("verify_report"));
        assertThat(caseIds(verifications)).contains(fresh.toString()).doesNotContain(emergency.toString());
        assertThat(caseIds(everyTask("officer", "dueToday=true&step=verify_report")))
                .doesNotContain(emergency.toString());
    }

    @Test
    void claimedTaskShowsItsClaimantUntilHandedBack() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String taskId = taskOf("officer", caseId, "verify_report").get("taskId").asText();
        as("officer").post("/api/tasks/" + taskId + "/claim", java.util.Map.of()).expect(204);
        assertThat(taskOf("officer", caseId, "verify_report").get("assignee").asText()).isEqualTo("officer");
        as("officer").post("/api/tasks/" + taskId + "/unclaim", java.util.Map.of()).expect(204);
        assertThat(taskOf("officer", caseId, "verify_report").has("assignee")).isFalse();
    }

    @Test
    void completedTaskLeavesTheList() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        complete("officer", caseId, "verify_report", verification(false));
        assertThat(hasTask("officer", caseId, "verify_report")).isFalse();
        assertThat(hasTask("officer", caseId, "assess_needs")).isTrue();
        assertThat(count("select count(*) from work_item where case_id = ?", caseId)).isOne();
    }

    @Test
    void workListIsPagedWithItsTotalSoNoTaskIsHidden() {
        for (int i = 0; i < 3; i++) {
            fileReport(COMMUNE_A, Instant.now().minus(Duration.ofMinutes(i)));
        }
        int open = count("""
                select count(*) from work_item
                where agencies @> array['child-protection-00004'] and (assignee is null or assignee = 'officer')
                   or assignee = 'officer'""");
        Response first = as("officer").get("/api/tasks?size=2").expect(200);
        assertThat(first.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(open));

        List<String> seen = new ArrayList<>();
        Response page = first;
        java.time.Instant previousDue = java.time.Instant.MIN;
        while (true) {
            for (JsonNode task : page.body()) {
                seen.add(task.get("taskId").asText());
                // a task without a deadline comes last; the JSON drops a time's zero milliseconds: compare instants
                java.time.Instant due = task.hasNonNull("dueAt") ? java.time.Instant.parse(task.get("dueAt").asText())
                        : java.time.Instant.MAX;
                assertThat(due).as("soonest deadline first across pages").isAfterOrEqualTo(previousDue);
                previousDue = due;
            }
            String link = page.headers().getFirst("Link");
            if (link == null || !link.contains("rel=\"next\"")) {
                break;
            }
            String next = link.replaceAll(".*<http://[^/]+(/[^>]*)>; rel=\"next\".*", "$1");
            page = as("officer").get(next).expect(200);
        }
        assertThat(seen).hasSize(open).doesNotHaveDuplicates();
        as("officer").get("/api/tasks?size=51").expect(400);
        as("officer").get("/api/tasks?page=-1").expect(400);
    }

    /** Every task of the user's list that the query keeps, page after page by the Link header's next page. */
    private List<JsonNode> everyTask(String username, String query) {
        List<JsonNode> tasks = new ArrayList<>();
        Response page = as(username).get("/api/tasks?size=50&" + query).expect(200);
        while (true) {
            page.body().forEach(tasks::add);
            String link = page.headers().getFirst("Link");
            if (link == null || !link.contains("rel=\"next\"")) {
                return tasks;
            }
            page = as(username).get(link.replaceAll(".*<http://[^/]+(/[^>]*)>; rel=\"next\".*", "$1")).expect(200);
        }
    }

    private static List<String> caseIds(Iterable<JsonNode> tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("caseId").asText()));
        return ids;
    }
}
