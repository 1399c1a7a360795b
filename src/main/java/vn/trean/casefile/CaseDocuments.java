package vn.trean.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.CurrentUser;
import vn.trean.problem.ApiProblem;

/**
 * Documents of a case: PDF and images, at most {@link #MAX_BYTES}. The type is read from the file's
 * first bytes, not trusted from the browser; access follows the case's need-to-know, and every upload
 * and download is audited.
 */
@Service
@Transactional
public class CaseDocuments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final ApplicationEventPublisher events;

    CaseDocuments(JdbcClient jdbc, CaseFiles cases, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.events = events;
    }

    public record DocumentInfo(UUID id, String filename, String contentType, int sizeBytes, String uploadedBy,
                               Instant uploadedAt) {
    }

    public record Document(DocumentInfo info, byte[] content) {
    }

    /** The documents of a case the user sees: all for those who run or oversee it, else their own agency's. */
    @Transactional(readOnly = true)
    public List<DocumentInfo> list(UUID caseId, CurrentUser user) {
        requireVisible(caseId, user);
        record Row(DocumentInfo info, String agencyId) {
        }
        return jdbc.sql("""
                        select id, filename, content_type, size_bytes, uploaded_by, uploaded_at, agency_id
                        from document where case_id = :c order by uploaded_at desc""")
                .param("c", caseId)
                .query((rs, i) -> new Row(new DocumentInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()), rs.getString(7)))
                .list().stream()
                .filter(row -> CaseVisibility.seesDocument(user, row.agencyId()))
                .map(Row::info).toList();
    }

    public DocumentInfo upload(UUID caseId, CurrentUser user, String filename, byte[] content) {
        requireVisible(caseId, user);
        if (content.length == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "document-empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", MAX_BYTES / (1024 * 1024));
        }
        String type = sniff(content).orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "document-type"));
        String name = cleanName(filename);
        var info = new DocumentInfo(UUID.randomUUID(), name, type, content.length, user.username(), Instant.now());
        jdbc.sql("""
                        insert into document (id, case_id, filename, content_type, size_bytes, content, uploaded_by,
                                              uploaded_at, agency_id)
                        values (:id, :c, :name, :type, :size, :content, :by, :at, :agency)""")
                .param("id", info.id()).param("c", caseId).param("name", name).param("type", type)
                .param("size", content.length).param("content", content).param("by", user.username())
                .param("at", java.sql.Timestamp.from(info.uploadedAt())).param("agency", user.agencyId()).update();
        events.publishEvent(new CaseEvents.DocumentAccessed(caseId, info.id(), user.username(), true));
        return info;
    }

    /** A document the user sees ({@link #list}); one they may not see answers as a missing one. */
    public Document download(UUID caseId, UUID documentId, CurrentUser user) {
        requireVisible(caseId, user);
        record Row(Document document, String agencyId) {
        }
        Document document = jdbc.sql("""
                        select id, filename, content_type, size_bytes, uploaded_by, uploaded_at, content, agency_id
                        from document where id = :id and case_id = :c""")
                .param("id", documentId).param("c", caseId)
                .query((rs, i) -> new Row(new Document(new DocumentInfo(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()), rs.getBytes(7)),
                        rs.getString(8)))
                .optional()
                .filter(row -> CaseVisibility.seesDocument(user, row.agencyId()))
                .map(Row::document)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "document-not-found"));
        events.publishEvent(new CaseEvents.DocumentAccessed(caseId, documentId, user.username(), false));
        return document;
    }

    private void requireVisible(UUID caseId, CurrentUser user) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
    }

    /** PDF, JPEG, PNG or WebP, by their signatures. */
    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (b.length >= 12 && startsWith(b, 0x52, 0x49, 0x46, 0x46) && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the last path segment and drops control characters, so a name is safe in a Content-Disposition header. */
    private static String cleanName(String filename) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
