package vn.trean.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.trean.casefile.CaseEvents.CaseClosed;
import vn.trean.casefile.CaseEvents.CaseOpened;
import vn.trean.casefile.CaseEvents.CaseRead;
import vn.trean.casefile.CaseEvents.ClassificationChanged;
import vn.trean.casefile.CaseEvents.DocumentAccessed;
import vn.trean.casefile.CaseEvents.ReceivingAgencyAssigned;
import vn.trean.casefile.CaseEvents.ReportLinked;
import vn.trean.casefile.CaseEvents.StepCompleted;
import vn.trean.identity.IdentityEvents.PasswordChanged;
import vn.trean.identity.IdentityEvents.PasswordReset;
import vn.trean.identity.IdentityEvents.UserCreated;
import vn.trean.identity.IdentityEvents.UserDisabled;
import vn.trean.identity.IdentityEvents.UserEnabled;
import vn.trean.identity.IdentityEvents.UserSnapshot;
import vn.trean.identity.IdentityEvents.UserUpdated;
import vn.trean.identity.IntegrationEvents.IntegrationCreated;
import vn.trean.identity.IntegrationEvents.IntegrationTokenIssued;
import vn.trean.identity.IntegrationEvents.IntegrationTokenRevoked;
import vn.trean.organisation.OrganisationEvents.AgencyChanged;
import vn.trean.organisation.OrganisationEvents.OpenTasksMoved;
import vn.trean.organisation.OrganisationEvents.RoutingRuleChanged;
import vn.trean.oversight.BreachEvents.BreachReasonGiven;
import vn.trean.oversight.BreachEvents.DeadlineBreached;
import vn.trean.workflow.WorkflowEvents.HolidaysChanged;
import vn.trean.workflow.WorkflowEvents.ModelsDeployed;
import vn.trean.workflow.WorkflowEvents.TwelveHourWindowBreached;

/**
 * The append-only record of who read or changed which case. Listeners run inside the transaction of
 * the read or change (not after it), so a change is never committed without its audit entry. The
 * details hold ids and step names, never a child's personal data.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<AuditEntry> ofCase(UUID caseId) {
        return jdbc.sql("select at, actor, action, case_id from trean.audit_event where case_id = :c order by at, id")
                .param("c", caseId)
                .query((rs, i) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .list();
    }

    public record AuditEntry(java.time.Instant at, String actor, String action, UUID caseId) {
    }

    @EventListener
    void on(CaseOpened e) {
        write(e.actor(), e.reopenedFrom() == null ? "CASE_OPENED" : "CASE_REOPENED", e.caseId(),
                e.reopenedFrom() == null ? Map.of("caseNumber", e.caseNumber())
                        : Map.of("caseNumber", e.caseNumber(), "reopenedFrom", e.reopenedFrom().toString()));
    }

    @EventListener
    void on(ReportLinked e) {
        write(e.actor(), "REPORT_LINKED", e.caseId(), null);
    }

    @EventListener
    void on(DocumentAccessed e) {
        write(e.actor(), e.upload() ? "DOCUMENT_UPLOADED" : "DOCUMENT_READ", e.caseId(),
                Map.of("documentId", e.documentId().toString()));
    }

    @EventListener
    void on(ModelsDeployed e) {
        write(e.deployedBy(), "MODELS_DEPLOYED", null, Map.of("deploymentId", e.deploymentId(),
                "note", e.name() == null ? "" : e.name()));
    }

    @EventListener
    void on(vn.trean.casefile.CaseEvents.CasesSearched e) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("caseNumber", e.caseNumber());
        detail.put("childName", e.childName());
        detail.put("communeCode", e.communeCode());
        detail.put("page", e.page());
        detail.put("matches", e.matches());
        write(e.actor(), "CASES_SEARCHED", null, detail);
    }

    @EventListener
    void on(CaseRead e) {
        write(e.actor(), "CASE_READ", e.caseId(), null);
    }

    @EventListener
    void on(StepCompleted e) {
        write(e.actor(), "STEP_COMPLETED", e.caseId(), Map.of("step", e.stepKey(), "taskId", e.taskId()));
    }

    /** Issue 8 item 9: which agency carries the commune steps of a case of a commune without staff. */
    @EventListener
    void on(ReceivingAgencyAssigned e) {
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        before.put("agencyId", e.previousAgencyId());
        write(e.actor(), "RECEIVING_AGENCY_ASSIGNED", e.caseId(), Map.of("agencyId", e.agencyId(),
                "before", before, "after", Map.of("agencyId", e.agencyId())));
    }

    /** Issue 9 item 4: each step of a transfer between communes, with both communes and the tasks moved. */
    @EventListener
    void on(vn.trean.workflow.WorkflowEvents.CaseTransferred e) {
        write(e.actor(), "CASE_TRANSFER_" + e.action(), e.caseId(), Map.of("transferId", e.transferId().toString(),
                "fromCommuneCode", e.fromCommune(), "toCommuneCode", e.toCommune(), "movedTaskIds", e.movedTaskIds()));
    }

    /** Issue 10 item 4: a serious-case report sent upward, and to whom. */
    @EventListener
    void on(vn.trean.reporting.SeriousCaseReported e) {
        write(e.actor(), "SERIOUS_CASE_REPORTED", e.caseId(), Map.of("reportId", e.reportId().toString(),
                "recipientAgencyId", e.recipientAgencyId()));
    }

    /** Issue 10 item 5: an open-data export of closed cases — the period, the province (null: all) and how many. */
    @EventListener
    void on(vn.trean.reporting.OpenDataExported e) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("provinceCode", e.provinceCode());
        detail.put("from", e.from().toString());
        detail.put("to", e.to().toString());
        detail.put("format", e.format());
        detail.put("layoutVersion", e.layoutVersion());
        detail.put("rows", e.rows());
        write(e.actor(), "OPEN_DATA_EXPORTED", null, detail);
    }

    /** Issue 10 item 1: a correction of the case's dimensions, by whom, through what (api or a step), before and after. */
    @EventListener
    void on(ClassificationChanged e) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("source", e.source());
        detail.put("before", e.before());
        detail.put("after", e.after());
        write(e.actor(), "CASE_CLASSIFICATION_CHANGED", e.caseId(), detail);
    }

    @EventListener
    void on(CaseClosed e) {
        write("system", "CASE_CLOSED", e.caseId(), null);
    }

    @EventListener
    void on(TwelveHourWindowBreached e) {
        write("system", "DEADLINE_BREACHED", e.caseId(),
                Map.of("steps", e.openSteps().stream().map(s -> s.stepKey()).toList()));
    }

    /** Issue 12 item 1: a breach the deadline watcher recorded, and the reason its agency gave. */
    @EventListener
    void on(DeadlineBreached e) {
        write("system", "DEADLINE_BREACHED", e.caseId(), Map.of("steps", List.of(e.stepKey()),
                "breachId", e.breachId()));
    }

    @EventListener
    void on(BreachReasonGiven e) {
        write(e.actor(), "BREACH_REASON_GIVEN", e.caseId(), Map.of("breachId", e.breachId(), "step", e.stepKey(),
                "reasonCode", e.reason().name()));
    }

    @EventListener
    void on(IntegrationCreated e) {
        write(e.actor(), "INTEGRATION_CREATED", null, Map.of("accountId", e.accountId().toString(), "name", e.name(),
                "after", Map.of("role", e.role().name(), "agencyId", e.agencyId(), "scopes", e.scopes())));
    }

    @EventListener
    void on(IntegrationTokenIssued e) {
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("tokenId", e.tokenId().toString());
        after.put("hint", e.hint());
        after.put("expiresAt", e.expiresAt() == null ? null : e.expiresAt().toString());
        write(e.actor(), "INTEGRATION_TOKEN_ISSUED", null, Map.of("accountId", e.accountId().toString(), "name", e.name(),
                "after", after));
    }

    @EventListener
    void on(IntegrationTokenRevoked e) {
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        before.put("revokedAt", null);
        write(e.actor(), "INTEGRATION_TOKEN_REVOKED", null, Map.of("accountId", e.accountId().toString(),
                "name", e.name(), "tokenId", e.tokenId().toString(), "hint", e.hint(), "before", before,
                "after", Map.of("revokedAt", e.revokedAt().toString())));
    }

    // Issue 8 items 2 and 3: agencies and routing rules, with before and after (null before = created).

    @EventListener
    void on(AgencyChanged e) {
        write(e.actor(), e.action(), null, beforeAfter("agencyId", (e.after() == null ? e.before() : e.after()).id(),
                e.before(), e.after()));
    }

    @EventListener
    void on(OpenTasksMoved e) {
        write(e.actor(), "AGENCY_OPEN_TASKS_MOVED", null, Map.of("agencyId", e.fromAgencyId(), "taskIds", e.taskIds(),
                "before", Map.of("agencyId", e.fromAgencyId()), "after", Map.of("agencyId", e.toAgencyId())));
    }

    @EventListener
    void on(RoutingRuleChanged e) {
        write(e.actor(), e.action(), null, beforeAfter("ruleId", (e.after() == null ? e.before() : e.after()).id(),
                e.before(), e.after()));
    }

    // Issue 8, item 7: a year's holidays, with the days before (null: not configured) and after.

    @EventListener
    void on(HolidaysChanged e) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("year", e.year());
        detail.put("reason", e.reason());
        detail.put("before", e.before());
        detail.put("after", e.after());
        detail.put("timersMoved", e.timersMoved());
        detail.put("tasksMoved", e.tasksMoved());
        write(e.actor(), "HOLIDAYS_CHANGED", null, detail);
    }

    private static Map<String, Object> beforeAfter(String key, Object id, Object before, Object after) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put(key, id);
        detail.put("before", before);
        detail.put("after", after);
        return detail;
    }

    @EventListener
    void on(UserCreated e) {
        write(e.actor(), "USER_CREATED", null, Map.of("username", e.username(), "after", snapshot(e.after())));
    }

    @EventListener
    void on(UserUpdated e) {
        write(e.actor(), "USER_UPDATED", null, Map.of("username", e.username(), "before", snapshot(e.before()),
                "after", snapshot(e.after())));
    }

    @EventListener
    void on(UserDisabled e) {
        write(e.actor(), "USER_DISABLED", null, Map.of("username", e.username(), "before", Map.of("enabled", true),
                "after", Map.of("enabled", false)));
    }

    @EventListener
    void on(UserEnabled e) {
        write(e.actor(), "USER_ENABLED", null, Map.of("username", e.username(), "before", Map.of("enabled", false),
                "after", Map.of("enabled", true)));
    }

    /** Only that it happened: never the password nor its hash. */
    @EventListener
    void on(PasswordReset e) {
        write(e.actor(), "USER_PASSWORD_RESET", null, Map.of("username", e.username(),
                "after", Map.of("mustChangePassword", true)));
    }

    @EventListener
    void on(PasswordChanged e) {
        write(e.username(), "USER_PASSWORD_CHANGED", null, Map.of("username", e.username(),
                "after", Map.of("mustChangePassword", false)));
    }

    private static Map<String, Object> snapshot(UserSnapshot user) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("displayName", user.displayName());
        values.put("email", user.email());
        values.put("role", user.role().name());
        values.put("agencyId", user.agencyId());
        values.put("enabled", user.enabled());
        return values;
    }

    private void write(String actor, String action, UUID caseId, Map<String, Object> detail) {
        try {
            jdbc.sql("insert into trean.audit_event (actor, action, case_id, detail) values (:a, :x, :c, cast(:d as jsonb))")
                    .param("a", actor).param("x", action).param("c", caseId)
                    .param("d", detail == null ? null : json.writeValueAsString(detail)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
