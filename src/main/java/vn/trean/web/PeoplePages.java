package vn.trean.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.trean.identity.PeopleAdministration;
import vn.trean.identity.PeopleAdministration.Person;
import vn.trean.identity.PeopleAdministration.WithPassword;
import vn.trean.identity.PeopleImport;
import vn.trean.identity.PeopleImport.RowsRefused;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;

/**
 * People (issue 8, item 4): the list with its filters, creating and editing a user, disabling and re-enabling,
 * resetting a password, and the bulk import. A one-time password is shown once, in the answer to the post
 * that made it (see showOnce): never in a URL, never stored in the session. The security rules admit ADMIN only to {@code /admin/**}.
 */
@Controller
class PeoplePages {

    private final PeopleAdministration people;
    private final PeopleImport imports;
    private final UserDirectory users;
    private final AdminForms forms;

    PeoplePages(PeopleAdministration people, PeopleImport imports, UserDirectory users, AdminForms forms) {
        this.people = people;
        this.imports = imports;
        this.users = users;
        this.forms = forms;
    }

    /** The create form's values, kept when the form comes back with errors. */
    record PersonForm(String username, String displayName, String email, String role, String agencyId) {
        static PersonForm empty() {
            return new PersonForm("", "", "", "", "");
        }

        static PersonForm of(Person p) {
            return new PersonForm(p.username(), p.displayName(), p.email() == null ? "" : p.email(), p.role().name(),
                    p.agencyId());
        }
    }

    @GetMapping("/admin/people")
    String list(@RequestParam(required = false) String agency, @RequestParam(required = false) String role,
                @RequestParam(required = false) String q, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PersonForm.empty());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        Role roleFilter = role == null || role.isBlank() ? null
                : java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        model.addAttribute("people", people.people(agency, roleFilter, q));
        model.addAttribute("filter", Map.of("agency", agency == null ? "" : agency, "role", roleFilter == null ? "" : role,
                "q", q == null ? "" : q));
        forms.addChoices(model);
        return "admin-people";
    }

    @PostMapping("/admin/people")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
                  @RequestParam(defaultValue = "") String agencyId, Model model, HttpServletResponse response) {
        try {
            WithPassword created = people.create(username, displayName, email, role, agencyId, actor());
            return showOnce(created, "admin.people.created", model, response);
        } catch (ApiProblem problem) {
            model.addAttribute("form", new PersonForm(username, displayName, email, role, agencyId));
            model.addAttribute("errors", forms.errors(problem));
            return list(null, null, null, model);
        }
    }

    @GetMapping("/admin/people/user/{username}")
    String person(@PathVariable String username, Model model) {
        Person person = people.person(username).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        model.addAttribute("person", person);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PersonForm.of(person));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        forms.addChoices(model);
        return "admin-person";
    }

    @PostMapping("/admin/people/user/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
                  @RequestParam(defaultValue = "") String agencyId, Model model, RedirectAttributes flash) {
        try {
            people.update(username, displayName, email, role, agencyId, actor());
            flash.addFlashAttribute("notice", forms.text("admin.people.saved"));
            return "redirect:/admin/people/user/" + username;
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            model.addAttribute("form", new PersonForm(username, displayName, email, role, agencyId));
            model.addAttribute("errors", forms.errors(problem));
            return person(username, model);
        }
    }

    @PostMapping("/admin/people/user/{username}/disable")
    String disable(@PathVariable String username, RedirectAttributes flash) {
        people.disable(username, actor());
        flash.addFlashAttribute("notice", forms.text("admin.people.disabled"));
        return "redirect:/admin/people/user/" + username;
    }

    @PostMapping("/admin/people/user/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes flash) {
        people.enable(username, actor());
        flash.addFlashAttribute("notice", forms.text("admin.people.enabled"));
        return "redirect:/admin/people/user/" + username;
    }

    @PostMapping("/admin/people/user/{username}/reset-password")
    String resetPassword(@PathVariable String username, Model model, HttpServletResponse response) {
        return showOnce(people.resetPassword(username, actor()), "admin.people.reset", model, response);
    }

    /**
     * A one-time password is shown in the answer to the form post itself, never stored on the way (a redirect's
     * flash attribute would keep it in the session table) nor cached: a reload asks to post again, and the
     * administrator resets once more if it was lost.
     */
    private String showOnce(WithPassword withPassword, String notice, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("oneTimePassword", withPassword.oneTimePassword());
        model.addAttribute("notice", forms.text(notice, withPassword.person().username()));
        return person(withPassword.person().username(), model);
    }

    // --- bulk import ---------------------------------------------------------------------------------

    @GetMapping("/admin/people/import")
    String importPage(Model model) {
        model.addAttribute("maxRows", PeopleImport.MAX_ROWS);
        model.addAttribute("columns", String.join(", ", PeopleImport.COLUMNS));
        forms.addChoices(model);
        return "admin-import";
    }

    /** "check" reads and validates the file and shows every row; "import" writes all rows, or nothing. */
    @PostMapping("/admin/people/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file,
                      @RequestParam(defaultValue = "check") String action, Model model, HttpServletResponse response)
            throws IOException {
        try {
            byte[] content = content(file);
            if ("import".equals(action)) {
                // the one-time passwords are shown in this answer only (see showOnce)
                List<PeopleImport.Imported> imported = imports.importUsers(content, actor());
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("imported", imported);
                forms.addChoices(model);
                return "admin-imported";
            }
            model.addAttribute("check", rows(imports.check(content)));
        } catch (RowsRefused refused) {
            model.addAttribute("check", rows(refused.check()));
            model.addAttribute("refused", true);
        } catch (ApiProblem problem) {
            model.addAttribute("fileError", forms.errors(problem).values().iterator().next());
        }
        return importPage(model);
    }

    /** A row of the dry run as the page shows it: its problems as messages. */
    record RowView(int row, String username, String displayName, String email, String role, String agencyId,
                   List<String> problems) {
    }

    record CheckView(boolean valid, int rows, long rowsWithProblems, List<RowView> list) {
    }

    private CheckView rows(PeopleImport.Check check) {
        List<RowView> list = check.rows().stream().map(r -> new RowView(r.row(), r.username(), r.displayName(), r.email(),
                r.role(), r.agencyId(), r.problems().stream()
                .map(p -> forms.text("admin.import.problem", p.field(), forms.message(p.code(), p.args()))).toList()))
                .toList();
        return new CheckView(check.valid(), list.size(), check.rowsWithProblems(), list);
    }

    private static byte[] content(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import-empty");
        }
        if (file.getSize() > PeopleImport.MAX_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "import-too-large", String.valueOf(PeopleImport.MAX_BYTES / 1024));
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(PeopleImport.MAX_BYTES + 1);
        }
    }

    private String actor() {
        return users.requireCurrent().username();
    }
}
