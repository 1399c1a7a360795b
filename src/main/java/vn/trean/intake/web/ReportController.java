package vn.trean.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.OpenedCase;
import vn.trean.intake.FileReportRequest;
import vn.trean.intake.IdempotentRequests;
import vn.trean.intake.IdempotentRequests.Answer;
import vn.trean.intake.Intake;
import vn.trean.intake.QuickReportRequest;

@RestController
@Tag(name = "Reports", description = "Tiếp nhận thông tin / receiving reports")
class ReportController {

    private static final String KEY_HELP = "Optional. A retry with the same key and body returns the first answer "
            + "instead of filing again; the same key with another body is 409. Kept at least 24 hours.";

    private final Intake intake;
    private final IdempotentRequests idempotency;

    ReportController(Intake intake, IdempotentRequests idempotency) {
        this.intake = intake;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/reports/duplicates")
    @Operation(summary = "Possible duplicates of a report, before filing it",
            description = "Cases of the same commune whose child has the same name (ignoring tone marks and case) "
                    + "and a compatible date of birth or age; for the hotline and the province department, of every "
                    + "commune of that commune's province (the chosen commune first, at most 20, each with its "
                    + "communeCode). The report is validated as for filing. A case the "
                    + "caller does not need to know shows only its number, commune, status, the child's age and "
                    + "initials; every match has a matchRef to link the report with.")
    List<CaseFiles.DuplicateCandidate> duplicates(@Valid @RequestBody FileReportRequest request) {
        return intake.possibleDuplicates(request);
    }

    /** A report to add to the case of a possible duplicate, named by the match reference the duplicate check gave. */
    record LinkRequest(@NotNull UUID matchRef, @NotNull @Valid FileReportRequest report) {
    }

    /** The case a report was added to: what the duplicate check showed of it, whether or not the caller may read it. */
    record LinkAnswer(String caseNumber, String communeCode, String communeName) {

        static Answer of(Intake.LinkedReport linked) {
            return new Answer(200, null, new LinkAnswer(linked.caseNumber(), linked.communeCode(), linked.communeName()));
        }
    }

    private static final String LINK_RULES = " The report's commune must be the case's, except for the hotline and the "
            + "province department, who may join it to a case of another commune of the same province (the case's "
            + "timeline then names both communes); anyone else gets 400 link-other-commune, and a case of another "
            + "province 400 link-other-province. Answers the case's number and commune.";

    @PostMapping("/api/reports/links")
    @Operation(summary = "Add a report to the case of a possible duplicate",
            description = "Links the report to the case a duplicate check listed (its matchRef), instead of opening "
                    + "a new case. The caller gains no access to the case by it; its commune officer is notified."
                    + LINK_RULES)
    ResponseEntity<Object> linkToMatch(
            @Parameter(description = KEY_HELP) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody LinkRequest request) {
        return idempotency.once(key, "POST /api/reports/links", request,
                () -> LinkAnswer.of(intake.linkToMatch(request.matchRef(), request.report())));
    }

    @PostMapping("/api/cases/{caseId}/reports")
    @Operation(summary = "Link a report to an open case the caller needs to know, instead of opening a new one",
            description = "A case the caller need not know answers 404 like a missing one." + LINK_RULES)
    ResponseEntity<Object> link(
            @Parameter(description = KEY_HELP) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @PathVariable UUID caseId, @Valid @RequestBody FileReportRequest request) {
        return idempotency.once(key, "POST /api/cases/" + caseId + "/reports", request,
                () -> LinkAnswer.of(intake.linkToCase(caseId, request)));
    }

    @PostMapping("/api/reports/quick")
    @Operation(summary = "File a village collaborator's short report",
            description = "For village collaborators (cộng tác viên): a few fields, filed as Form 01 with defaults and "
                    + "checked by the same rules. The answer names the case number only: a collaborator does not read "
                    + "the case file, they follow the report in GET /api/reports/mine.")
    ResponseEntity<Object> fileQuick(
            @Parameter(description = KEY_HELP) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody QuickReportRequest request) {
        return idempotency.once(key, "POST /api/reports/quick", request, () -> {
            OpenedCase opened = intake.fileQuick(request);
            return new Answer(201, URI.create("/api/reports/mine"), Map.of("caseNumber", opened.caseNumber()));
        });
    }

    @GetMapping("/api/reports/mine")
    @Operation(summary = "The reports I filed, with a coarse status",
            description = "Newest first: case number, date, commune and received / being verified / being handled / "
                    + "closed. No case data: a filer follows their report here whether or not they may read the case.")
    List<Intake.FiledReport> mine() {
        return intake.mine();
    }

    @PostMapping("/api/reports")
    @Operation(summary = "File a report (Form 01)",
            description = "Opens a case and starts its process in one transaction: a 201 means both are committed. "
                    + "The 12-hour clock starts at receivedAt.")
    ResponseEntity<Object> file(
            @Parameter(description = KEY_HELP) @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody FileReportRequest request) {
        return idempotency.once(key, "POST /api/reports", request, () -> {
            OpenedCase opened = intake.file(request);
            return new Answer(201, URI.create("/api/cases/" + opened.id()), opened);
        });
    }
}
