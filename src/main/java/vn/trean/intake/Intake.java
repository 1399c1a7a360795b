package vn.trean.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.NewCase;
import vn.trean.casefile.OpenedCase;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.UserDirectory;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/** Receiving a report (step S1): checks it, then opens the case and its process in one transaction. */
@Service
public class Intake {

    /** How far ahead of the server's clock a receiving point's clock may run before a time counts as future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    static final String FIRST_ROLE = "commune-officer";

    private final Organisation organisation;
    private final UserDirectory users;
    private final CaseFiles cases;

    public Intake(Organisation organisation, UserDirectory users, CaseFiles cases) {
        this.organisation = organisation;
        this.users = users;
        this.cases = cases;
    }

    @Transactional
    public OpenedCase file(FileReportRequest r) {
        CurrentUser user = users.requireCurrent();
        if (!user.role().receivesReports()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-a-receiving-point");
        }
        Instant receivedAt = r.receivedAt().toInstant();
        if (receivedAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("receivedAt", "future")));
        }
        if (r.child().dateOfBirth() == null && r.child().estimatedAge() == null) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation("child.dateOfBirth", "birth-or-age")));
        }
        Locality commune = organisation.commune(r.communeCode())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-commune", r.communeCode()));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        if (organisation.agencyForRole(FIRST_ROLE, commune.code(), commune.provinceCode(), today).isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "commune-not-served", commune.code(), commune.name());
        }
        var child = r.child();
        var newCase = new NewCase(commune.code(), commune.provinceCode(), receivedAt, user.agencyId(), user.username(),
                r.channel(), r.category(), r.abuseForms() == null ? List.of() : r.abuseForms(),
                new NewCase.Child(child.fullName(), child.dateOfBirth(), child.estimatedAge(), child.sex()),
                r.place(), r.currentCondition(), r.likelyConsequence(), r.familySituation(), r.parents(),
                r.actionsTaken(), r.informant(), r.hotlineReference());
        return cases.open(newCase, user.username());
    }
}
