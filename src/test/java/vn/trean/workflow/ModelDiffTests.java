package vn.trean.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trean.workflow.ModelDiff.Change;
import vn.trean.workflow.ModelDiff.Kind;

class ModelDiffTests {

    private final String shipped = Files.readString(Path.of("bpmn/case_intervention.bpmn"));

    ModelDiffTests() throws IOException {
    }

    @Test
    void theSameModelHasNoChanges() {
        assertThat(diff(shipped)).isEmpty();
    }

    @Test
    void aRenamedStepWithAnotherDeadlineIsARenameAndADeadlineChangeNotARemovalAndAnAddition() {
        List<Change> changes = diff(shipped
                .replace("name=\"Xác minh, đánh giá nguy cơ ban đầu\"", "name=\"Xác minh thông tin ban đầu\"")
                // the verification step only: the emergency plan is due at the window's end too
                .replaceFirst("(id=\"task_verify_report\"[^>]*camunda:dueDate=\")\\$\\{windowEndsAt\\}\"", "$1PT8H\""));
        assertThat(changes).containsExactlyInAnyOrder(
                new Change(Kind.RENAMED, "task_verify_report", "Xác minh thông tin ban đầu",
                        "Xác minh, đánh giá nguy cơ ban đầu", "Xác minh thông tin ban đầu"),
                new Change(Kind.DUE_DATE, "task_verify_report", "Xác minh thông tin ban đầu", "${windowEndsAt}", "PT8H"));
    }

    @Test
    void aStepWithAnotherIdIsRemovedAndAddedAndItsFlowsLeadElsewhere() {
        List<Change> changes = diff(shipped.replace("task_assess_needs", "task_assess_needs_v2"));
        assertThat(changes).extracting(Change::kind, Change::elementId).contains(
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, "task_assess_needs_v2"),
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, "task_assess_needs"));
        assertThat(changes).noneMatch(c -> c.kind() == Kind.RENAMED);
    }

    @Test
    void otherGroupsAndTimersAreListed() {
        List<Change> changes = diff(shipped
                .replace("camunda:candidateGroups=\"province-supervisor\"", "camunda:candidateGroups=\"commune-chairman\"")
                .replace("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${windowEndsAt}</bpmn:timeDate>",
                        "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${windowReminderAt}</bpmn:timeDate>"));
        assertThat(changes).extracting(Change::kind).contains(Kind.CANDIDATE_GROUPS, Kind.TIMER);
        assertThat(changes).filteredOn(c -> c.kind() == Kind.CANDIDATE_GROUPS)
                .allMatch(c -> c.before().equals("province-supervisor") && c.after().equals("commune-chairman"));
    }

    private List<Change> diff(String edited) {
        return ModelDiff.bpmn(shipped.getBytes(StandardCharsets.UTF_8), edited.getBytes(StandardCharsets.UTF_8));
    }
}
