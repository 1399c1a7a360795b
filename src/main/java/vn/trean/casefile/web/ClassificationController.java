package vn.trean.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.CaseClassifications;
import vn.trean.casefile.CaseDimensions;
import vn.trean.casefile.Classification;
import vn.trean.identity.UserDirectory;

@RestController
@RequestMapping("/api/cases/{id}/classification")
@Tag(name = "Cases")
class ClassificationController {

    private final CaseClassifications classifications;
    private final UserDirectory users;

    ClassificationController(CaseClassifications classifications, UserDirectory users) {
        this.classifications = classifications;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "The dimensions of a case (abuse forms and sub-types, special circumstances, environment, "
            + "perpetrator, handling, support and its cost, outcome at closing)",
            description = "For those who see the whole case (the commune officer and chairman, the province supervisor); "
                    + "403 for those who see only their part of it, 404 for a case the caller may not see. Audited as a read.")
    CaseDimensions read(@PathVariable UUID id) {
        return classifications.read(id, users.requireCurrent());
    }

    @PutMapping
    @Operation(summary = "Correct the classification of an open case",
            description = "By the commune officer or chairman who run the case; audited with the values before and "
                    + "after. Replaces the whole classification: the three lists are required (may be empty). 400 names "
                    + "each wrong field (an unknown code, a sub-type without its abuse form, a disability severity "
                    + "without the group DISABLED); 403 for other readers, 409 for a closed case.")
    CaseDimensions replace(@PathVariable UUID id, @RequestBody Classification classification) {
        return classifications.replace(id, classification, users.requireCurrent());
    }
}
