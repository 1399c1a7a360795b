package vn.trean.casefile;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import vn.trean.problem.ApiProblem;

/** A role that may read the case but not reopen it (issue 12, item 7): only the commune and the province may. */
public class ReopenNotAllowedException extends ApiProblem {

    public ReopenNotAllowedException(UUID caseId) {
        super(HttpStatus.FORBIDDEN, "reopen-not-allowed", caseId);
    }
}
