package vn.trean.casefile;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import vn.trean.problem.ApiProblem;

/** No such case, or one the reader does not need to know: the two are indistinguishable on purpose. */
public class CaseNotFoundException extends ApiProblem {

    public CaseNotFoundException(UUID caseId) {
        super(HttpStatus.NOT_FOUND, "case-not-found", caseId);
    }
}
