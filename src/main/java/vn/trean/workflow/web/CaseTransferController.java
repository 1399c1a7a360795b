package vn.trean.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.trean.identity.UserDirectory;
import vn.trean.workflow.CaseTransfers;
import vn.trean.workflow.CaseTransfers.IncomingTransfer;
import vn.trean.workflow.CaseTransfers.Transfer;

@RestController
@Tag(name = "Transfers", description = "Chuyển hồ sơ sang xã/phường khác / transferring a case to another commune")
class CaseTransferController {

    private final CaseTransfers transfers;
    private final UserDirectory users;

    CaseTransferController(CaseTransfers transfers, UserDirectory users) {
        this.transfers = transfers;
        this.users = users;
    }

    record TransferRequest(String toCommuneCode, String reason) {
    }

    record Refusal(String reason) {
    }

    @PostMapping("/api/cases/{id}/transfers")
    @Operation(summary = "Request a transfer of a case to another commune",
            description = "By the officer of the case's commune; one open request per case (409). 400 for the same commune, an unknown one or one of another province; 409 for a closed case.")
    ResponseEntity<Transfer> request(@PathVariable UUID id, @RequestBody TransferRequest body) {
        Transfer t = transfers.request(id, body.toCommuneCode(), body.reason(), users.requireCurrent());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/transfers/" + t.id())).body(t);
    }

    @GetMapping("/api/cases/{id}/transfers")
    @Operation(summary = "The transfers of a case", description = "For those who need to know the case: the sender sees a refusal's reason here.")
    List<Transfer> ofCase(@PathVariable UUID id) {
        return transfers.ofCase(id, users.requireCurrent());
    }

    @GetMapping("/api/transfers/incoming")
    @Operation(summary = "Requests waiting for the caller's commune",
            description = "For its officer and chairman: case number, sending commune, category, the child's age and initials, the reason; no name.")
    List<IncomingTransfer> incoming() {
        return transfers.incoming(users.requireCurrent());
    }

    @PostMapping("/api/cases/{id}/transfers/{transferId}/accept")
    @Operation(summary = "Accept a transfer", description = "By an officer or the chairman of the receiving commune; 404 for anyone else. Open tasks move to the receiving commune's agencies, deadlines unchanged.")
    Transfer accept(@PathVariable UUID id, @PathVariable UUID transferId) {
        return transfers.accept(id, transferId, users.requireCurrent());
    }

    @PostMapping("/api/cases/{id}/transfers/{transferId}/refuse")
    @Operation(summary = "Refuse a transfer with a reason", description = "By an officer or the chairman of the receiving commune; 404 for anyone else. Nothing moves; the sender sees the reason.")
    Transfer refuse(@PathVariable UUID id, @PathVariable UUID transferId, @RequestBody Refusal body) {
        return transfers.refuse(id, transferId, body.reason(), users.requireCurrent());
    }
}
