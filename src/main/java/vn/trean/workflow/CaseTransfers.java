package vn.trean.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseClosedException;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseFiles.CaseSummary;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.workflow.CaseProcess.Var;
import vn.trean.workflow.WorkflowEvents.CaseTransferred;
import vn.trean.workflow.WorkflowEvents.TaskRerouted;

/**
 * A case transferred to another commune (issue 9 item 4; Decree 56 names both the commune of the incident and the
 * one the child lives in): the officer of the case's commune requests it, an officer or the chairman of the
 * receiving commune accepts or refuses it with a reason. A case-level operation beside the model, like an
 * agency's open tasks moved by an administrator: the model does not change, the engine's tasks do.
 *
 * <p>On acceptance the case keeps its number and timeline; it belongs to the receiving commune (the case row and
 * the process's {@link Var#COMMUNE_CODE}, so later tasks route there); each open task routed to an agency of the
 * sending commune goes to the agency that carries the same role in the receiving commune, deadline unchanged,
 * and that agency gains need-to-know access. The sending agencies keep theirs: what they did stays theirs to read.
 */
@Service
@Transactional
public class CaseTransfers {

    public static final int MAX_REASON_LENGTH = 1000;
    public static final String REQUESTED_ENTRY = "transfer_requested";
    public static final String ACCEPTED_ENTRY = "transfer_accepted";
    public static final String REFUSED_ENTRY = "transfer_refused";

    private static final Set<Role> DECIDERS = Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final Organisation organisation;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    CaseTransfers(JdbcClient jdbc, CaseFiles cases, Organisation organisation, TaskService tasks,
                  RuntimeService runtime, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organisation = organisation;
        this.tasks = tasks;
        this.runtime = runtime;
        this.events = events;
    }

    /** A transfer as those who know the case see it. */
    public record Transfer(UUID id, UUID caseId, String fromCommuneCode, String toCommuneCode, String requestedBy,
                           String reason, Instant requestedAt, String state, String decidedBy, Instant decidedAt,
                           String refusalReason) {
    }

    /**
     * A pending request as the receiving commune sees it before it knows the case: the "same child?" fields of a
     * duplicate check (number, age, initials) and the category, no name. The case id opens nothing until accepted.
     */
    public record IncomingTransfer(UUID id, UUID caseId, String caseNumber, String fromCommuneCode,
                                   String fromCommuneName, String category, Integer ageYears, String initials,
                                   String reason, Instant requestedAt) {
    }

    public Transfer request(UUID caseId, String toCommuneCode, String reason, CurrentUser user) {
        CaseSummary c = knownCase(caseId, user);
        if (user.role() != Role.COMMUNE_OFFICER || !c.communeCode().equals(user.localityCode())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "transfer-not-allowed");
        }
        List<Violation> violations = new ArrayList<>();
        if (toCommuneCode == null || toCommuneCode.isBlank()) {
            violations.add(new Violation("toCommuneCode", "required"));
        }
        checkReason("reason", reason, violations);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        if (!"OPEN".equals(c.status())) {
            throw new CaseClosedException(caseId);
        }
        if (toCommuneCode.equals(c.communeCode())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "transfer-same-commune", toCommuneCode);
        }
        Locality to = organisation.communeInService(toCommuneCode)
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "transfer-unknown-commune", toCommuneCode));
        // the province department supervises the case and its routing rules apply: another province's commune
        // is a referral between provinces, which the law leaves to the two departments
        if (!to.provinceCode().equals(c.provinceCode())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "transfer-other-province", toCommuneCode);
        }
        // the case row is locked so that two requests at once give one request and one 409, not a key violation
        jdbc.sql("select id from case_file where id = :c for update").param("c", caseId).query(UUID.class).single();
        if (openTransfer(caseId).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "transfer-already-open");
        }
        UUID id = UUID.randomUUID();
        Instant now = EngineClock.now();
        jdbc.sql("""
                        insert into case_transfer (id, case_id, from_commune, to_commune, requested_by, reason, requested_at)
                        values (:id, :c, :from, :to, :by, :reason, :at)""")
                .param("id", id).param("c", caseId).param("from", c.communeCode()).param("to", toCommuneCode)
                .param("by", user.username()).param("reason", reason.strip()).param("at", Timestamp.from(now)).update();
        timeline(caseId, REQUESTED_ENTRY, id, user.agencyId(), now, Map.of("fromCommuneCode", c.communeCode(),
                "toCommuneCode", toCommuneCode, "reason", reason.strip()));
        events.publishEvent(new CaseTransferred(id, caseId, c.caseNumber(), "REQUESTED", c.communeCode(), toCommuneCode,
                user.username(), now, List.of()));
        return find(caseId, id).orElseThrow();
    }

    /** The transfers of a case, newest first, for those who need to know the case. */
    @Transactional(readOnly = true)
    public List<Transfer> ofCase(UUID caseId, CurrentUser user) {
        knownCase(caseId, user);
        return jdbc.sql("select * from case_transfer where case_id = :c order by requested_at desc")
                .param("c", caseId).query((rs, i) -> transfer(rs)).list();
    }

    /** The requests waiting for the commune of an officer or chairman, oldest first. */
    @Transactional(readOnly = true)
    public List<IncomingTransfer> incoming(CurrentUser user) {
        if (!DECIDERS.contains(user.role()) || user.localityCode() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "transfer-not-allowed");
        }
        List<Transfer> pending = jdbc.sql("""
                        select * from case_transfer where to_commune = :commune and state = 'REQUESTED'
                        order by requested_at""")
                .param("commune", user.localityCode()).query((rs, i) -> transfer(rs)).list();
        List<IncomingTransfer> incoming = new ArrayList<>();
        for (Transfer t : pending) {
            cases.summary(t.caseId()).ifPresent(c -> incoming.add(new IncomingTransfer(t.id(), t.caseId(),
                    c.caseNumber(), t.fromCommuneCode(),
                    organisation.commune(t.fromCommuneCode()).map(Locality::name).orElse(t.fromCommuneCode()),
                    c.category(), c.ageYears(), c.initials(), t.reason(), t.requestedAt())));
        }
        return incoming;
    }

    public Transfer accept(UUID caseId, UUID transferId, CurrentUser user) {
        Transfer t = pendingFor(caseId, transferId, user);
        CaseSummary c = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!"OPEN".equals(c.status())) {
            throw new CaseClosedException(caseId);
        }
        Locality to = organisation.commune(t.toCommuneCode())
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "transfer-unknown-commune", t.toCommuneCode()));
        LocalDate today = LocalDate.ofInstant(EngineClock.now(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        // every move is worked out before anything changes: a role the receiving commune cannot carry refuses it all
        Map<Task, Map<String, String>> moves = new LinkedHashMap<>();
        List<Task> open = c.processInstanceId() == null ? List.of()
                : tasks.createTaskQuery().processInstanceId(c.processInstanceId()).list();
        for (Task task : open) {
            Map<String, String> groups = new LinkedHashMap<>();
            for (String group : candidateGroups(task.getId())) {
                Optional<Agency> agency = organisation.agency(group);
                if (agency.isEmpty() || !t.fromCommuneCode().equals(agency.get().localityCode())) {
                    continue;
                }
                String role = roleCarriedBy(group, t.fromCommuneCode(), c.provinceCode(), today)
                        .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "transfer-no-receiving-agency",
                                group, t.toCommuneCode()));
                Agency receiving = organisation.agencyForRole(role, to.code(), to.provinceCode(), today)
                        .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "transfer-no-receiving-agency",
                                role, t.toCommuneCode()));
                groups.put(group, receiving.id());
            }
            if (!groups.isEmpty()) {
                moves.put(task, groups);
            }
        }
        List<String> moved = new ArrayList<>();
        for (var move : moves.entrySet()) {
            Task task = move.getKey();
            for (var swap : move.getValue().entrySet()) {
                tasks.deleteCandidateGroup(task.getId(), swap.getKey());
                tasks.addCandidateGroup(task.getId(), swap.getValue());
                cases.grantAccess(caseId, swap.getValue());
                cases.stepRerouted(task.getId(), swap.getValue());
            }
            // a claim by someone of the sending commune would keep the task out of the receiving agency's list
            if (task.getAssignee() != null) {
                tasks.setAssignee(task.getId(), null);
            }
            events.publishEvent(new TaskRerouted(task.getId(), candidateGroups(task.getId())));
            moved.add(task.getId());
        }
        // the receiving commune runs the case from now on, whether or not a task of its own is open yet
        for (String role : List.of(CaseProcess.Role.COMMUNE_OFFICER, CaseProcess.Role.COMMUNE_CHAIRMAN)) {
            organisation.agencyForRole(role, to.code(), to.provinceCode(), today)
                    .ifPresent(a -> cases.grantAccess(caseId, a.id()));
        }
        cases.grantAccess(caseId, user.agencyId());
        cases.moveToCommune(caseId, to.code());
        if (c.processInstanceId() != null) {
            runtime.setVariable(c.processInstanceId(), Var.COMMUNE_CODE, to.code());
        }
        Instant now = EngineClock.now();
        jdbc.sql("update case_transfer set state = 'ACCEPTED', decided_by = :by, decided_at = :at where id = :id")
                .param("by", user.username()).param("at", Timestamp.from(now)).param("id", transferId).update();
        timeline(caseId, ACCEPTED_ENTRY, transferId, user.agencyId(), now, Map.of("fromCommuneCode",
                t.fromCommuneCode(), "toCommuneCode", t.toCommuneCode(), "tasksMoved", moved.size()));
        events.publishEvent(new CaseTransferred(transferId, caseId, c.caseNumber(), "ACCEPTED", t.fromCommuneCode(),
                t.toCommuneCode(), user.username(), now, List.copyOf(moved)));
        return find(caseId, transferId).orElseThrow();
    }

    public Transfer refuse(UUID caseId, UUID transferId, String reason, CurrentUser user) {
        Transfer t = pendingFor(caseId, transferId, user);
        List<Violation> violations = new ArrayList<>();
        checkReason("reason", reason, violations);
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        Instant now = EngineClock.now();
        jdbc.sql("""
                        update case_transfer set state = 'REFUSED', decided_by = :by, decided_at = :at,
                               refusal_reason = :reason where id = :id""")
                .param("by", user.username()).param("at", Timestamp.from(now)).param("reason", reason.strip())
                .param("id", transferId).update();
        // the refusal is entered as the sender's: the receiving commune has no part in the case
        String sender = jdbc.sql("select agency_id from step_record where task_id = :e")
                .param("e", REQUESTED_ENTRY + ":" + transferId).query(String.class).optional().orElse(null);
        timeline(caseId, REFUSED_ENTRY, transferId, sender, now, Map.of("fromCommuneCode", t.fromCommuneCode(),
                "toCommuneCode", t.toCommuneCode(), "refusalReason", reason.strip()));
        String caseNumber = cases.summary(caseId).map(CaseSummary::caseNumber).orElse(caseId.toString());
        events.publishEvent(new CaseTransferred(transferId, caseId, caseNumber, "REFUSED", t.fromCommuneCode(), t.toCommuneCode(),
                user.username(), now, List.of()));
        return find(caseId, transferId).orElseThrow();
    }

    /** The open request of a case, if any. */
    @Transactional(readOnly = true)
    public Optional<Transfer> openTransfer(UUID caseId) {
        return jdbc.sql("select * from case_transfer where case_id = :c and state = 'REQUESTED'").param("c", caseId)
                .query((rs, i) -> transfer(rs)).optional();
    }

    /**
     * The request, if it is addressed to the caller: an officer or the chairman of the receiving commune. For
     * anyone else it does not exist, as a case they need not know.
     */
    private Transfer pendingFor(UUID caseId, UUID transferId, CurrentUser user) {
        // locked: two people of the receiving commune deciding at once must not both succeed
        Transfer t = jdbc.sql("select * from case_transfer where id = :id and case_id = :c for update")
                .param("id", transferId).param("c", caseId).query((rs, i) -> transfer(rs)).optional()
                .filter(found -> DECIDERS.contains(user.role()) && found.toCommuneCode().equals(user.localityCode()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "transfer-not-found", transferId));
        if (!"REQUESTED".equals(t.state())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "transfer-decided", t.state());
        }
        return t;
    }

    private Optional<Transfer> find(UUID caseId, UUID transferId) {
        return jdbc.sql("select * from case_transfer where id = :id and case_id = :c")
                .param("id", transferId).param("c", caseId).query((rs, i) -> transfer(rs)).optional();
    }

    private CaseSummary knownCase(UUID caseId, CurrentUser user) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        return cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /** The routing role the agency carries for cases of its commune, by the rules in force. */
    private Optional<String> roleCarriedBy(String agencyId, String communeCode, String provinceCode, LocalDate on) {
        return organisation.roles().stream().sorted()
                .filter(role -> organisation.agencyForRole(role, communeCode, provinceCode, on)
                        .map(a -> a.id().equals(agencyId)).orElse(false))
                .findFirst();
    }

    private List<String> candidateGroups(String taskId) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink l : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
                groups.add(l.getGroupId());
            }
        }
        return List.copyOf(groups);
    }

    private void timeline(UUID caseId, String entryKey, UUID transferId, String agencyId, Instant at,
                          Map<String, Object> data) {
        String entryId = entryKey + ":" + transferId;
        cases.recordTimelineEntry(caseId, entryKey, entryId, agencyId, at);
        cases.recordStepData(entryId, data);
    }

    private static void checkReason(String field, String reason, List<Violation> violations) {
        if (reason == null || reason.isBlank()) {
            violations.add(new Violation(field, "required"));
        } else if (reason.strip().length() > MAX_REASON_LENGTH) {
            violations.add(new Violation(field, "max-length", MAX_REASON_LENGTH));
        }
    }

    private static Transfer transfer(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Transfer(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("from_commune"), rs.getString("to_commune"), rs.getString("requested_by"),
                rs.getString("reason"), rs.getTimestamp("requested_at").toInstant(), rs.getString("state"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("refusal_reason"));
    }
}
