package vn.trean.tasks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.trean.intake.IdempotentRequests;
import vn.trean.tasks.TaskFilter;
import vn.trean.tasks.TaskPage;
import vn.trean.tasks.TaskCard;
import vn.trean.tasks.TaskSort;
import vn.trean.tasks.TaskWork;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Việc của tôi / my tasks")
class TaskController {

    private final TaskWork work;
    private final IdempotentRequests idempotency;

    TaskController(TaskWork work, IdempotentRequests idempotency) {
        this.work = work;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "My tasks", description = "Tasks routed to my agency or claimed by me, a page at a time "
            + "(page from 0, size 1–50, default 50), soonest deadline first or as sort says (DUE, NEWEST, OLDEST). "
            + "Each task carries its card: the child (initials for an agency that does not run the case), age, "
            + "commune, category, verified risk level, and its urgency (CALM more than 6 h left, SOON 1–6 h, URGENT "
            + "under 1 h, OVERDUE). The total is in the X-Total-Count header, how many of them are overdue in "
            + "X-Overdue-Count, and the next and previous pages in the Link header (RFC 8288). "
            + "Filters combine: overdue, due today (Vietnam time), emergency cases, one step, one case.")
    ResponseEntity<List<TaskCard>> myTasks(@RequestParam(defaultValue = "false") boolean overdue,
                                           @RequestParam(defaultValue = "false") boolean dueToday,
                                           @RequestParam(defaultValue = "false") boolean emergency,
                                           @RequestParam(required = false) String step,
                                           @RequestParam(required = false) UUID caseId,
                                           @RequestParam(defaultValue = "DUE") TaskSort sort,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        TaskPage found = work.myTasks(new TaskFilter(overdue, dueToday, emergency, step, caseId), sort, page, size);
        List<String> links = new ArrayList<>();
        var self = ServletUriComponentsBuilder.fromCurrentRequest();
        if (found.hasNext()) {
            links.add("<" + self.replaceQueryParam("page", page + 1).toUriString() + ">; rel=\"next\"");
        }
        if (page > 0) {
            links.add("<" + self.replaceQueryParam("page", Math.min(page, found.pageCount()) - 1).toUriString()
                    + ">; rel=\"prev\"");
        }
        var response = ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()))
                .header("X-Overdue-Count", Long.toString(found.overdue()));
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(found.rows());
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
            description = "The values are checked against the step's form on the server; a 400 names each invalid field. "
                    + "With an Idempotency-Key, a retry of the same values (a phone that lost the answer, the page's "
                    + "outbox sending again) gets the first answer instead of 409 task-already-completed.")
    ResponseEntity<Object> complete(@PathVariable String taskId, @RequestBody Map<String, Object> values,
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.once(key, "POST /api/tasks/" + taskId + "/complete", values, () -> {
            work.complete(taskId, values);
            return new IdempotentRequests.Answer(204, null, null);
        });
    }
}
