package vn.trean.tasks.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.tasks.TaskDrafts;

/** The draft of a task's form (issue 11, item 3): its author's only, while they may work the task. */
@RestController
@RequestMapping("/api/tasks/{taskId}/draft")
@Tag(name = "Tasks", description = "Việc của tôi / my tasks")
class TaskDraftController {

    private final TaskDrafts drafts;

    TaskDraftController(TaskDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping
    @Operation(summary = "My draft of a task's form", description = "204 when I saved none; 404 when I may not work the task.")
    ResponseEntity<TaskDrafts.Draft> mine(@PathVariable String taskId) {
        return drafts.mine(taskId).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PutMapping
    @Operation(summary = "Save my draft of a task's form", description = "A JSON object of the form's values, "
            + "bounded in size (trean.tasks.draft-max-chars); replaces my earlier draft. Deleted when the task ends.")
    TaskDrafts.Draft save(@PathVariable String taskId, @RequestBody JsonNode values) {
        return drafts.save(taskId, values);
    }

    @DeleteMapping
    @Operation(summary = "Discard my draft of a task's form")
    ResponseEntity<Void> discard(@PathVariable String taskId) {
        drafts.discard(taskId);
        return ResponseEntity.noContent().build();
    }
}
