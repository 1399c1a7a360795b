package vn.trean.tasks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestParam;
import vn.trean.tasks.TaskFilter;
import vn.trean.tasks.TaskRow;
import vn.trean.tasks.TaskWork;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Việc của tôi / my tasks")
class TaskController {

    private final TaskWork work;

    TaskController(TaskWork work) {
        this.work = work;
    }

    @GetMapping
    @Operation(summary = "My tasks", description = "Tasks routed to my agency or claimed by me, soonest deadline first. "
            + "Filters combine: overdue, due today (Vietnam time), emergency cases, one step.")
    List<TaskRow> myTasks(@RequestParam(defaultValue = "false") boolean overdue,
                          @RequestParam(defaultValue = "false") boolean dueToday,
                          @RequestParam(defaultValue = "false") boolean emergency,
                          @RequestParam(required = false) String step) {
        return work.myTasks(new TaskFilter(overdue, dueToday, emergency, step));
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "A task with its form (form-js JSON)")
    TaskWork.TaskWithForm task(@PathVariable String taskId) {
        return work.task(taskId);
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Claim a task")
    ResponseEntity<Void> claim(@PathVariable String taskId) {
        work.claim(taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "Hand a claimed task back to the agency")
    ResponseEntity<Void> unclaim(@PathVariable String taskId) {
        work.unclaim(taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Complete a task with its form data",
            description = "The values are checked against the step's form on the server; a 400 names each invalid field.")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> values) {
        work.complete(taskId, values);
        return ResponseEntity.noContent().build();
    }
}
