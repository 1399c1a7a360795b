package vn.trean.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.casefile.CaseFiles;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.tasks.TaskFilter;
import vn.trean.tasks.TaskPage;
import vn.trean.tasks.TaskSort;
import vn.trean.tasks.TaskWork;
import vn.trean.tasks.WorkList;
import vn.trean.workflow.CaseProcess;

/** My tasks, and one task: the case summary beside the step's form, which the browser submits to the JSON API. */
@Controller
class TaskPages {

    private final TaskWork work;
    private final CaseFiles cases;
    private final UserDirectory users;
    private final ObjectMapper json;
    private final MessageSource messages;

    private final WorkList workList;

    private final Organisation organisation;

    TaskPages(TaskWork work, CaseFiles cases, UserDirectory users, ObjectMapper json, MessageSource messages,
              WorkList workList, Organisation organisation) {
        this.organisation = organisation;
        this.workList = workList;
        this.work = work;
        this.cases = cases;
        this.users = users;
        this.json = json;
        this.messages = messages;
    }

    /**
     * Cards per page: enough for a day's work, light enough for a phone on a weak connection (a card with its child,
     * urgency and actions is about 1.7 KB of HTML; bench/README.md).
     */
    private static final int PAGE_SIZE = 25;

    @GetMapping("/tasks")
    String myTasks(@RequestParam(defaultValue = "false") boolean overdue,
                   @RequestParam(defaultValue = "false") boolean dueToday,
                   @RequestParam(defaultValue = "false") boolean emergency,
                   @RequestParam(required = false) String step, @RequestParam(required = false) UUID caseId,
                   @RequestParam(defaultValue = "DUE") TaskSort sort,
                   @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        var filter = new TaskFilter(overdue, dueToday, emergency, step == null || step.isBlank() ? null : step, caseId);
        model.addAttribute("filter", filter);
        model.addAttribute("filtered", overdue || dueToday || emergency || filter.stepKey() != null || caseId != null);
        // claiming or handing back comes back to this same list (one case's tasks, a filter, a page)
        model.addAttribute("back", request.getQueryString() == null ? "/tasks" : "/tasks?" + request.getQueryString());
        TaskPage found = work.myTasks(filter, sort, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", TaskSort.values());
        model.addAttribute("rows", found.rows());
        model.addAttribute("paging", found);
        model.addAttribute("steps", steps());
        String doneTask = request.getParameter("task");
        model.addAttribute("nextSteps", doneTask == null || doneTask.length() > 64 ? null : nextSteps(doneTask));
        return "tasks";
    }

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, Model model) throws JsonProcessingException {
        CurrentUser me = users.requireCurrent();
        var holder = work.claimedByColleague(taskId);
        if (holder.isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "task-claimed-by-other", holder.get());
        }
        var task = work.task(taskId);
        // two people or more share the agency's task: claiming it tells the others who is on it
        model.addAttribute("sharedTask", task.task().assignee() == null && users.members(me.agencyId()).size() > 1);
        model.addAttribute("task", task.task());
        model.addAttribute("dueWithoutHolidaysOf", workList.dueWithoutHolidaysOf(taskId).orElse(null));
        model.addAttribute("schema", json.writeValueAsString(task.form()));
        model.addAttribute("formTexts", json.writeValueAsString(formTexts()));
        model.addAttribute("sheet", task.task().caseId() == null ? null
                : cases.read(task.task().caseId(), me).map(view -> CaseSheet.of(view, me)).orElse(null));
        return "task";
    }

    /**
     * After a step: which steps the case is at now and who has each (an agency, or the person who claimed it),
     * for the "done" message. Nothing when the step's case is not one the user may see.
     */
    private List<NextStep> nextSteps(String doneTaskId) {
        return work.afterStep(doneTaskId).map(after -> after.next().stream().map(step -> new NextStep(step.stepKey(),
                step.name(), step.assignee() != null
                        ? users.find(step.assignee()).map(CurrentUser::displayName).orElse(step.assignee())
                        : String.join(", ", step.candidateGroups().stream()
                                .map(group -> organisation.agency(group).map(Agency::name).orElse(group)).toList())))
                .toList()).orElse(null);
    }

    /** The next step of a case and who has it, as the "done" message says it. */
    record NextStep(String stepKey, String name, String holder) {
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@PathVariable String taskId, @RequestParam(defaultValue = "/tasks") String back,
                 RedirectAttributes flash) {
        attempt(() -> work.claim(taskId), "page.tasks.claimed", flash);
        return "redirect:" + local(back);
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, @RequestParam(defaultValue = "/tasks") String back,
                   RedirectAttributes flash) {
        attempt(() -> work.unclaim(taskId), "page.tasks.handed-back", flash);
        return "redirect:" + local(back);
    }

    /** The words form-js writes itself, in the page's language: the server's field messages where they exist. */
    private Map<String, String> formTexts() {
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : List.of("required", "pattern", "min", "max", "min-length", "max-length")) {
            texts.put(key, messages.getMessage("field." + key, null, locale));
        }
        for (String key : List.of("phone", "email", "select", "search", "add-new", "date-format")) {
            texts.put(key, messages.getMessage("page.form." + key, null, locale));
        }
        return texts;
    }

    /** Claiming races with colleagues: a refusal is told on the list, not as an error page. */
    private void attempt(Runnable action, String doneMessage, RedirectAttributes flash) {
        var locale = LocaleContextHolder.getLocale();
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.getMessage(doneMessage, null, locale));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("problem", messages.getMessage("problem." + problem.code() + ".detail",
                    problem.args(), problem.code(), locale));
        }
    }

    /** Only a path of this site, so that a crafted form cannot send the user elsewhere. */
    private static String local(String back) {
        return back.startsWith("/") && !back.startsWith("//") ? back : "/tasks";
    }

    private static List<String> steps() {
        return Arrays.stream(CaseProcess.Step.values()).map(CaseProcess.Step::formKey).toList();
    }
}
