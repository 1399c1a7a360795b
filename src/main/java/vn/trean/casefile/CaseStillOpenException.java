package vn.trean.casefile;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import vn.trean.problem.ApiProblem;

/** Only a closed case can be reopened. */
public class CaseStillOpenException extends ApiProblem {

    public CaseStillOpenException(UUID caseId) {
        super(HttpStatus.CONFLICT, "case-still-open", caseId);
    }
}
