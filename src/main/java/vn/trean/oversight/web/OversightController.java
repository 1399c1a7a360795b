package vn.trean.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.UserDirectory;
import vn.trean.oversight.DeadlineBreach;
import vn.trean.oversight.Oversight;

@RestController
@Tag(name = "Oversight", description = "Vi phạm thời hạn / deadline breaches")
class OversightController {

    private final Oversight oversight;
    private final CaseFiles cases;
    private final UserDirectory users;

    OversightController(Oversight oversight, CaseFiles cases, UserDirectory users) {
        this.oversight = oversight;
        this.cases = cases;
        this.users = users;
    }

    @GetMapping("/api/cases/{id}/breaches")
    @Operation(summary = "Deadline breaches of a case: which step, its deadline, how late")
    List<DeadlineBreach> breaches(@PathVariable UUID id) {
        if (!cases.isVisibleTo(id, users.requireCurrent())) {
            throw new CaseNotFoundException(id);
        }
        return oversight.breachesOf(id);
    }
}
