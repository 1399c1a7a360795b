package vn.trean.web;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import vn.trean.casefile.CaseSearch;
import vn.trean.casefile.NewCase;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Organisation;
import vn.trean.problem.InvalidFieldsProblem;

/**
 * The case list (hồ sơ): every case the user needs to know, newest activity first, and its search.
 *
 * <p>The search form is posted ({@code POST /cases}) and the answer is the page itself, not a redirect: a child's
 * name typed into it never becomes part of a URL, so it stays out of the access log, the browser's history and
 * any Referer. The pager's buttons post the same form with another page number.
 */
@Controller
class CaseListPages {

    static final int PAGE_SIZE = 25;

    private final CaseSearch search;
    private final UserDirectory users;
    private final Organisation organisation;
    private final MessageSource messages;

    CaseListPages(CaseSearch search, UserDirectory users, Organisation organisation, MessageSource messages) {
        this.search = search;
        this.users = users;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String cases(Model model) {
        return render(new SearchForm(null, null, null, null, null, null, null, 0), model);
    }

    @PostMapping("/cases")
    String search(SearchForm form, Model model) {
        return render(form, model);
    }

    private String render(SearchForm form, Model model) {
        CurrentUser me = users.requireCurrent();
        model.addAttribute("form", form);
        model.addAttribute("filtered", form.filtered());
        Map<String, String> communes = me.provinceCode() == null ? Map.of()
                : organisation.communeNames(me.provinceCode());
        model.addAttribute("communes", communes);
        model.addAttribute("categories", NewCase.CaseCategory.values());
        model.addAttribute("statuses", CaseSearch.Status.values());
        try {
            model.addAttribute("found", search.search(form.criteria(), Math.max(0, form.pageNumber()), PAGE_SIZE, me));
        } catch (InvalidFieldsProblem problem) {
            FormErrors errors = new FormErrors(messages);
            errors.addAll(problem, Map.of());
            model.addAttribute("errors", errors.asMap());
            model.addAttribute("found", new CaseSearch.CaseList(java.util.List.of(), 0, PAGE_SIZE, 0, false));
        }
        return "cases";
    }

    /** The form as posted; blank fields are criteria left out. */
    record SearchForm(String caseNumber, String childName, String communeCode, String status, String category,
                      String emergency, Boolean mine, Integer page) {

        int pageNumber() {
            return page == null ? 0 : page;
        }

        boolean filtered() {
            return !criteria().equals(CaseSearch.Criteria.ALL);
        }

        CaseSearch.Criteria criteria() {
            return new CaseSearch.Criteria(blankToNull(caseNumber), blankToNull(childName), blankToNull(communeCode),
                    enumOrNull(CaseSearch.Status.class, status), enumOrNull(NewCase.CaseCategory.class, category),
                    "yes".equals(emergency) ? Boolean.TRUE : "no".equals(emergency) ? Boolean.FALSE : null,
                    Boolean.TRUE.equals(mine));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        /** A value the form's select never offers is left out, as its "all" choice is. */
        private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            return null;
        }
    }
}
