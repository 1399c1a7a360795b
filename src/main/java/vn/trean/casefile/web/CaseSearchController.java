package vn.trean.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.CaseSearch;
import vn.trean.casefile.NewCase;
import vn.trean.identity.UserDirectory;

/**
 * The case search as JSON. A POST, so that a child's name never travels in a URL (access logs, proxies, the
 * browser's history); the body is read strictly and every field is bounded ({@link CaseSearch#search} checks them).
 */
@RestController
@RequestMapping("/api/cases/search")
@Tag(name = "Cases", description = "Hồ sơ vụ việc / case files")
class CaseSearchController {

    private static final int DEFAULT_SIZE = 25;

    private final CaseSearch search;
    private final UserDirectory users;

    CaseSearchController(CaseSearch search, UserDirectory users) {
        this.search = search;
        this.users = users;
    }

    @PostMapping
    @Operation(summary = "Search the cases I may see",
            description = "Only the cases the caller needs to know; roles that see less get the child's initials "
                    + "(childName null). Every field is optional: caseNumber (its start, ≤ 40), childName (words, each "
                    + "the start of a word of the name, tone marks and case ignored, ≤ 100 characters, ≤ 6 words), "
                    + "communeCode (5 digits), status (OPEN, CLOSED, TRANSFERRED), category, emergency, mine (cases my "
                    + "agency was given), page (from 0) and size (1–50, default 25). Newest activity first; the total "
                    + "is counted up to 1,000 (totalIsAtLeast then true); a page may start at most 1,000 rows in.")
    CaseSearch.CaseList search(@RequestBody SearchRequest request) {
        return search.search(new CaseSearch.Criteria(request.caseNumber(), request.childName(), request.communeCode(),
                        request.status(), request.category(), request.emergency(), Boolean.TRUE.equals(request.mine())),
                request.page() == null ? 0 : request.page(), request.size() == null ? DEFAULT_SIZE : request.size(),
                users.requireCurrent());
    }

    record SearchRequest(String caseNumber, String childName, String communeCode, CaseSearch.Status status,
                         NewCase.CaseCategory category, Boolean emergency, Boolean mine, Integer page, Integer size) {
    }
}
