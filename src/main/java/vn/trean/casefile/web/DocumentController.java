package vn.trean.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.trean.casefile.CaseDocuments;
import vn.trean.identity.UserDirectory;

@RestController
@RequestMapping("/api/cases/{caseId}/documents")
@Tag(name = "Cases")
class DocumentController {

    private final CaseDocuments documents;
    private final UserDirectory users;

    DocumentController(CaseDocuments documents, UserDirectory users) {
        this.documents = documents;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Documents of a case")
    List<CaseDocuments.DocumentInfo> list(@PathVariable UUID caseId) {
        return documents.list(caseId, users.requireCurrent());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document (PDF, JPEG, PNG or WebP; at most 10 MB)")
    ResponseEntity<CaseDocuments.DocumentInfo> upload(@PathVariable UUID caseId, @RequestParam("file") MultipartFile file)
            throws IOException {
        var info = documents.upload(caseId, users.requireCurrent(), file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + info.id())).body(info);
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "Download a document")
    ResponseEntity<byte[]> download(@PathVariable UUID caseId, @PathVariable UUID documentId) {
        var document = documents.download(caseId, documentId, users.requireCurrent());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.info().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }
}
