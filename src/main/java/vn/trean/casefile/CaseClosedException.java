package vn.trean.casefile;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import vn.trean.problem.ApiProblem;

/** A closed case takes no more reports: reopen it, which links a new case to it. */
public class CaseClosedException extends ApiProblem {

    public CaseClosedException(UUID caseId) {
        super(HttpStatus.CONFLICT, "case-closed", caseId);
    }
}
