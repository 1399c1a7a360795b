package vn.trean.casefile.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseClosedException;
import vn.trean.casefile.CaseEvents;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.CaseStillOpenException;
import vn.trean.casefile.ReopenNotAllowedException;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.CaseVisibility;
import vn.trean.casefile.Classification;
import vn.trean.casefile.NewCase;
import vn.trean.casefile.OpenedCase;
import vn.trean.casefile.PlanMeasure;
import vn.trean.identity.CurrentUser;

@Service
@Transactional
class JdbcCaseFiles implements CaseFiles {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final ClassificationRows classifications;
    private final PersonKeys personKeys;

    JdbcCaseFiles(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events,
                  ClassificationRows classifications, PersonKeys personKeys) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.classifications = classifications;
        this.personKeys = personKeys;
    }

    @Override
    public OpenedCase open(NewCase c, String actor) {
        var child = c.child();
        return insert(c, actor, null, personKeys.of(child.fullName(), child.dateOfBirth(), child.estimatedAge(),
                c.receivedAt(), c.communeCode()));
    }

    private OpenedCase insert(NewCase c, String actor, UUID reopenedFrom, String personKey) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String number = nextCaseNumber(c.communeCode(), c.receivedAt());
        jdbc.sql("""
                        insert into case_file (id, case_number, commune_code, province_code, category, received_at,
                                               created_at, created_by, reopened_from)
                        values (:id, :number, :commune, :province, :category, :received, :created, :actor, :reopened)""")
                .param("id", id).param("number", number).param("commune", c.communeCode())
                .param("province", c.provinceCode()).param("category", c.category().name())
                .param("received", Timestamp.from(c.receivedAt())).param("created", Timestamp.from(now))
                .param("actor", actor).param("reopened", reopenedFrom).update();
        var child = c.child();
        jdbc.sql("""
                        insert into child (id, case_id, full_name, name_normalized, date_of_birth, estimated_age, sex,
                                           person_key)
                        values (:id, :case, :name, :folded, :dob, :age, :sex, :key)""")
                .param("id", UUID.randomUUID()).param("case", id).param("name", child.fullName().trim())
                .param("folded", VietnameseText.fold(child.fullName())).param("dob", child.dateOfBirth())
                .param("age", child.estimatedAge()).param("sex", child.sex().name()).param("key", personKey).update();
        insertReport(id, c, false);
        classifications.write(id, c.classification() == null ? Classification.NONE : c.classification(), actor, now);
        grantAccess(id, c.receivingAgencyId());
        events.publishEvent(new CaseEvents.CaseOpened(id, number, c.communeCode(), c.provinceCode(), c.receivedAt(),
                actor, reopenedFrom));
        return new OpenedCase(id, number);
    }

    private UUID insertReport(UUID caseId, NewCase c, boolean linked) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into report (id, case_id, receiving_agency_id, receiving_officer, channel, place,
                                            current_condition, likely_consequence, family_situation,
                                            actions_taken, informant, informant_address, abuse_forms, hotline_reference,
                                            received_at, linked, late_reason)
                        values (:id, :case, :agency, :officer, :channel, :place, :condition, :consequence, :family,
                                :actions, cast(:informant as jsonb), :informantAddress, :forms, :hotlineRef,
                                :received, :linked, :lateReason)""")
                .param("id", id).param("case", caseId).param("agency", c.receivingAgencyId())
                .param("officer", c.receivingOfficer())
                .param("channel", c.channel()).param("place", c.place()).param("condition", c.currentCondition())
                .param("consequence", c.likelyConsequence()).param("family", c.familySituation())
                .param("actions", c.actionsTaken())
                .param("informant", toJson(informantWithoutAddress(c.informant())))
                .param("informantAddress", c.informant() == null ? null : c.informant().get(INFORMANT_ADDRESS))
                .param("forms", c.abuseForms() == null ? new String[0] : c.abuseForms().toArray(String[]::new))
                .param("hotlineRef", c.hotlineReference()).param("received", Timestamp.from(c.receivedAt()))
                .param("linked", linked).param("lateReason", c.lateReason()).update();
        insertParents(id, c.parents());
        return id;
    }

    private static final String INFORMANT_ADDRESS = "address";

    /** The informant's address has its own column (V41); the rest of what they agreed to is kept as given. */
    private static Map<String, Object> informantWithoutAddress(Map<String, Object> informant) {
        if (informant == null) {
            return null;
        }
        Map<String, Object> rest = new java.util.LinkedHashMap<>(informant);
        rest.remove(INFORMANT_ADDRESS);
        return rest;
    }

    /** Form 01's parents, one row each in the order given (the intake allows four). */
    private void insertParents(UUID reportId, List<Map<String, Object>> parents) {
        if (parents == null) {
            return;
        }
        int position = 0;
        for (Map<String, Object> p : parents) {
            jdbc.sql("""
                            insert into report_parent (report_id, position, full_name, age, occupation, relation, address, phone)
                            values (:report, :position, :name, :age, :occupation, :relation, :address, :phone)""")
                    .param("report", reportId).param("position", ++position).param("name", p.get("fullName"))
                    .param("age", p.get("age")).param("occupation", p.get("occupation"))
                    .param("relation", p.get("relation")).param("address", p.get("address"))
                    .param("phone", p.get("phone")).update();
        }
    }

    private List<CaseView.Parent> parents(UUID reportId) {
        return jdbc.sql("""
                        select full_name, age, occupation, relation, address, phone from report_parent
                         where report_id = :report order by position""")
                .param("report", reportId)
                .query((rs, i) -> new CaseView.Parent(rs.getString(1), rs.getObject(2, Integer.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private CaseView.Informant informant(ResultSet rs) throws SQLException {
        Map<String, Object> given = fromJson(rs.getString("informant"));
        String address = rs.getString("informant_address");
        if ((given == null || given.isEmpty()) && address == null) {
            return null;
        }
        Map<String, Object> g = given == null ? Map.of() : given;
        return new CaseView.Informant(text(g.get("name")), text(g.get("phone")), text(g.get("relation")), address);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** {@code <commune>-<year>-<sequence>}, e.g. 00004-2026-0001, counted per commune and year of receipt. */
    private String nextCaseNumber(String communeCode, Instant receivedAt) {
        int year = receivedAt.atZone(VIETNAM).getYear();
        int sequence = jdbc.sql("""
                        insert into case_number_counter (commune_code, year, last_value) values (:c, :y, 1)
                        on conflict (commune_code, year) do update set last_value = case_number_counter.last_value + 1
                        returning last_value""")
                .param("c", communeCode).param("y", year).query(Integer.class).single();
        return "%s-%d-%04d".formatted(communeCode, year, sequence);
    }

    @Override
    public OpenedCase reopen(UUID closedCaseId, CurrentUser user) {
        // hidden is missing (404) before any other answer; then who may (403), then whether it is closed (409)
        if (!isVisibleTo(closedCaseId, user)) {
            throw new CaseNotFoundException(closedCaseId);
        }
        if (!user.role().reopensCases()) {
            throw new ReopenNotAllowedException(closedCaseId);
        }
        CaseView old = whole(closedCaseId).orElseThrow(() -> new CaseNotFoundException(closedCaseId));
        if (!"CLOSED".equals(old.status())) {
            throw new CaseStillOpenException(closedCaseId);
        }
        var r = old.report();
        var child = old.child();
        // the same child, whatever commune the case was moved to: the new case keeps the old one's key and dimensions,
        // and what Form 01 recorded about the family, the informant and the actions already taken
        var again = new NewCase(old.communeCode(), old.provinceCode(), Instant.now(), user.agencyId(), user.username(),
                "REOPENED", NewCase.CaseCategory.valueOf(old.category()), r.abuseForms(),
                new NewCase.Child(child.fullName(), child.dateOfBirth(), child.estimatedAge(),
                        NewCase.Sex.valueOf(child.sex())),
                r.place(), r.currentCondition(), r.likelyConsequence(), r.familySituation(), parentsOf(r),
                actionsTakenOf(closedCaseId), informantOf(r), r.hotlineReference(), null,
                classifications.read(closedCaseId).map(ClassificationRows.Stored::classification).orElse(null));
        String personKey = jdbc.sql("select person_key from child where case_id = :c").param("c", closedCaseId)
                .query(String.class).optional().orElse(null);
        return insert(again, user.username(), closedCaseId, personKey);
    }

    /** The parents of the case's opening report, in the shape the intake records them. */
    private static List<Map<String, Object>> parentsOf(CaseView.Report report) {
        if (report.parents() == null || report.parents().isEmpty()) {
            return null;
        }
        return report.parents().stream().map(p -> present("fullName", p.fullName(), "age", p.age(),
                "occupation", p.occupation(), "relation", p.relation(), "address", p.address(), "phone", p.phone()))
                .toList();
    }

    private static Map<String, Object> informantOf(CaseView.Report report) {
        var i = report.informant();
        // recorded at all only with their consent (Form 01)
        return i == null ? null : present("consent", Boolean.TRUE, "name", i.name(), "phone", i.phone(),
                "relation", i.relation(), "address", i.address());
    }

    private static Map<String, Object> present(Object... namesAndValues) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return values;
    }

    /** The actions the opening report recorded as already taken (Form 01), carried into the new cycle. */
    private String actionsTakenOf(UUID caseId) {
        return jdbc.sql("select actions_taken from report where case_id = :c and not linked order by received_at limit 1")
                .param("c", caseId).query(String.class).optional().orElse(null);
    }

    @Override
    public Optional<CaseView> read(UUID caseId, CurrentUser user) {
        if (!isVisibleTo(caseId, user)) {
            return Optional.empty();
        }
        events.publishEvent(new CaseEvents.CaseRead(caseId, user.username()));
        return whole(caseId).map(view -> CaseVisibility.cut(view, user, isFormerCommune(view, user)));
    }

    /** Whether the reader's commune transferred this case to the commune that now runs it. */
    private boolean isFormerCommune(CaseView view, CurrentUser user) {
        return isFormerCommune(view.id(), view.communeCode(), user);
    }

    private boolean isFormerCommune(UUID caseId, String caseCommune, CurrentUser user) {
        if (user.localityCode() == null || user.localityCode().equals(caseCommune)) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from case_transfer
                                       where case_id = :c and state = 'ACCEPTED' and from_commune = :l)""")
                .param("c", caseId).param("l", user.localityCode()).query(Boolean.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean seesWholeCase(UUID caseId, CurrentUser user) {
        return CaseVisibility.seesWholeCase(user.role()) && isVisibleTo(caseId, user)
                && communeOf(caseId).map(commune -> !isFormerCommune(caseId, commune, user)).orElse(false);
    }

    /** The whole case, for this module's own use; readers get it through {@link #read}, cut to their role. */
    private Optional<CaseView> whole(UUID caseId) {
        return jdbc.sql("""
                        select c.*, ch.full_name, ch.date_of_birth, ch.estimated_age, ch.sex,
                               r.receiving_agency_id, r.receiving_officer, r.channel, r.place, r.current_condition,
                               r.likely_consequence, r.family_situation, r.abuse_forms, r.hotline_reference,
                               r.id as report_id, r.informant, r.informant_address
                        from case_file c join child ch on ch.case_id = c.id
                        join report r on r.case_id = c.id and not r.linked
                        where c.id = :id""")
                .param("id", caseId)
                .query((rs, i) -> caseView(rs))
                .optional();
    }

    private CaseView caseView(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        var dob = rs.getDate("date_of_birth");
        var forms = rs.getArray("abuse_forms");
        return new CaseView(id, rs.getString("case_number"), rs.getString("commune_code"),
                rs.getString("province_code"), rs.getString("category"), rs.getString("status"),
                rs.getString("protection_level"), (Boolean) rs.getObject("emergency"),
                instant(rs, "received_at"), instant(rs, "created_at"), instant(rs, "closed_at"),
                rs.getObject("reopened_from", UUID.class),
                new CaseView.Child(rs.getString("full_name"), dob == null ? null : dob.toLocalDate(),
                        (Integer) rs.getObject("estimated_age"), rs.getString("sex")),
                new CaseView.Report(rs.getString("receiving_agency_id"), rs.getString("receiving_officer"),
                        rs.getString("channel"), rs.getString("place"), rs.getString("current_condition"),
                        rs.getString("likely_consequence"), rs.getString("family_situation"),
                        forms == null ? List.of() : List.of((String[]) forms.getArray()),
                        rs.getString("hotline_reference"), parents(rs.getObject("report_id", UUID.class)),
                        informant(rs)),
                steps(id), measures(id), linkedReports(id), rs.getString("closing_outcome"),
                rs.getString("closing_reason"), new CaseView.CriminalProcedure(rs.getBoolean("criminal_procedure"),
                        rs.getString("handling_outcome"), rs.getString("handling_decision_number"),
                        rs.getDate("handling_decision_date") == null ? null
                                : rs.getDate("handling_decision_date").toLocalDate()));
    }

    private List<CaseView.LinkedReport> linkedReports(UUID caseId) {
        return jdbc.sql("""
                        select received_at, receiving_agency_id, receiving_officer, channel, current_condition, id
                        from report where case_id = :id and linked order by received_at""")
                .param("id", caseId)
                .query((rs, i) -> new CaseView.LinkedReport(instant(rs, "received_at"), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), parents(rs.getObject(6, UUID.class))))
                .list();
    }

    @Override
    public List<DuplicateCandidate> similarChildren(String communeCode, String childName, LocalDate dateOfBirth,
                                                    Integer estimatedAge, CurrentUser user) {
        return similar(communeCode, null, childName, dateOfBirth, estimatedAge, user);
    }

    @Override
    public List<DuplicateCandidate> similarChildrenInProvince(String communeCode, String provinceCode, String childName,
                                                              LocalDate dateOfBirth, Integer estimatedAge,
                                                              CurrentUser user) {
        return similar(communeCode, provinceCode, childName, dateOfBirth, estimatedAge, user);
    }

    /**
     * Both searches start from the index on the folded name (child_name) and reach the case by its key; the
     * place is a filter on those few rows. The chosen commune's matches come first.
     */
    private List<DuplicateCandidate> similar(String communeCode, String provinceCode, String childName,
                                             LocalDate dateOfBirth, Integer estimatedAge, CurrentUser user) {
        String place = provinceCode == null ? "c.commune_code = :commune" : "c.province_code = :province";
        List<DuplicateCandidate> found = candidates(place, Map.of("commune", communeCode, "province",
                provinceCode == null ? "" : provinceCode), childName, dateOfBirth, estimatedAge, MATCHES_SHOWN);
        forgetOldMatches();
        return found.stream().map(match -> {
            jdbc.sql("insert into duplicate_match (ref, case_id, username, created_at) values (:r, :c, :u, now())")
                    .param("r", match.matchRef()).param("c", match.caseId()).param("u", user.username()).update();
            return CaseVisibility.forDuplicateCheck(match, isVisibleTo(match.caseId(), user));
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> openDuplicatesInOtherCommunes(UUID caseId, CurrentUser user) {
        record Child(String communeCode, String provinceCode, String fullName, LocalDate dateOfBirth,
                     Integer estimatedAge) {
        }
        return jdbc.sql("""
                        select c.commune_code, c.province_code, ch.full_name, ch.date_of_birth, ch.estimated_age
                        from case_file c join child ch on ch.case_id = c.id where c.id = :id""")
                .param("id", caseId).query(Child.class).optional()
                .map(child -> candidates("""
                                c.province_code = :province and c.commune_code <> :commune and c.status = 'OPEN'
                                and c.id <> :self""",
                        Map.of("commune", child.communeCode(), "province", child.provinceCode(), "self", caseId),
                        child.fullName(), child.dateOfBirth(), child.estimatedAge(), OFFERS_SHOWN).stream()
                        .map(match -> CaseVisibility.forDuplicateCheck(withoutMatchRef(match),
                                isVisibleTo(match.caseId(), user)))
                        .toList())
                .orElse(List.of());
    }

    /** The cases at {@code place} (an SQL condition on {@code c}) whose child may be the one named, newest first. */
    private List<DuplicateCandidate> candidates(String place, Map<String, Object> placeParams, String childName,
                                                LocalDate dateOfBirth, Integer estimatedAge, int limit) {
        LocalDate today = LocalDate.now(VIETNAM);
        Integer age = estimatedAge != null ? estimatedAge
                : dateOfBirth == null ? null : Period.between(dateOfBirth, today).getYears();
        return jdbc.sql("""
                        select c.id, c.case_number, c.commune_code, c.received_at, c.status, ch.full_name,
                               ch.date_of_birth, ch.estimated_age
                        from child ch join case_file c on c.id = ch.case_id
                        where %s and ch.name_normalized = :name
                          and (cast(:dob as date) is null or ch.date_of_birth is null or ch.date_of_birth = :dob)
                          and (cast(:age as int) is null
                               or abs(coalesce(ch.estimated_age,
                                               extract(year from age(current_date, ch.date_of_birth))::int) - :age) <= 1)
                        order by c.commune_code = :commune desc, c.received_at desc
                        limit %d""".formatted(place, limit))
                .params(placeParams)
                .param("name", VietnameseText.fold(childName))
                .param("dob", dateOfBirth).param("age", age)
                .query((rs, i) -> {
                    var dob = rs.getDate("date_of_birth");
                    LocalDate born = dob == null ? null : dob.toLocalDate();
                    Integer estimated = (Integer) rs.getObject("estimated_age");
                    String name = rs.getString("full_name");
                    return new DuplicateCandidate(UUID.randomUUID(), rs.getString("case_number"),
                            rs.getString("commune_code"), rs.getString("status"),
                            born == null ? estimated : Integer.valueOf(Period.between(born, today).getYears()),
                            initials(name), rs.getObject("id", UUID.class), instant(rs, "received_at"), name, born,
                            estimated);
                })
                .list();
    }

    private static DuplicateCandidate withoutMatchRef(DuplicateCandidate m) {
        return new DuplicateCandidate(null, m.caseNumber(), m.communeCode(), m.status(), m.ageYears(), m.initials(),
                m.caseId(), m.receivedAt(), m.childName(), m.dateOfBirth(), m.estimatedAge());
    }

    /** A transfer is offered to a few communes at most: more matches than that mean a common name, not a move. */
    private static final int OFFERS_SHOWN = 5;

    /** Enough to recognise the child on a call; a common name across a province is narrowed by age, not paged. */
    private static final int MATCHES_SHOWN = 20;

    /** How long a listed match may be linked to: the time to finish taking the call that brought the report. */
    private static final java.time.Duration MATCH_VALID_FOR = java.time.Duration.ofHours(2);

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> caseOfMatch(UUID matchRef, CurrentUser user) {
        return jdbc.sql("select case_id from duplicate_match where ref = :r and username = :u and created_at > :since")
                .param("r", matchRef).param("u", user.username())
                .param("since", Timestamp.from(Instant.now().minus(MATCH_VALID_FOR)))
                .query(UUID.class).optional();
    }

    private void forgetOldMatches() {
        jdbc.sql("delete from duplicate_match where created_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(MATCH_VALID_FOR))).update();
    }

    static String initials(String fullName) {
        return vn.trean.casefile.CaseVisibility.initials(fullName);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Milestones> milestones(String communeCode, String provinceCode, Instant from, Instant to,
                                       java.util.Set<String> windowStepKeys) {
        return jdbc.sql("""
                        select c.id, c.commune_code, c.received_at,
                               case when bool_and(s.completed_at is not null) filter (where s.step_key = any(:window))
                                    then max(s.completed_at) filter (where s.step_key = any(:window)) end as window_done,
                               -- an emergency case's plan is exempt from the 5 + 2 working days (Decree 56, art. 31.3)
                               min(s.opened_at) filter (where s.step_key = 'draft_plan' and c.emergency is not true) as draft_opened,
                               min(s.completed_at) filter (where s.step_key = 'approve_plan'
                                                             and s.data ->> 'planApproved' = 'yes') as approved,
                               -- the plan clock starts when verification ends (issue 12 item 2)
                               max(s.completed_at) filter (where s.step_key = 'verify_report') as verified
                        from case_file c left join step_record s on s.case_id = c.id
                        where c.received_at >= :from and c.received_at < :to
                          and (cast(:commune as text) is null or c.commune_code = :commune)
                          and (cast(:province as text) is null or c.province_code = :province)
                        group by c.id, c.commune_code, c.received_at""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("commune", communeCode).param("province", provinceCode)
                .param("window", windowStepKeys.toArray(String[]::new))
                .query((rs, i) -> new Milestones(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, "received_at"),
                        instant(rs, "window_done"), instant(rs, "draft_opened"), instant(rs, "approved"),
                        instant(rs, "verified")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> communeOf(UUID caseId) {
        return jdbc.sql("select commune_code from case_file where id = :id").param("id", caseId).query(String.class)
                .optional();
    }

    @Override
    public Optional<Instant> receivedAt(UUID caseId) {
        return jdbc.sql("select received_at from case_file where id = :id").param("id", caseId)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> firstReceivingAgency(UUID caseId) {
        return jdbc.sql("select receiving_agency_id from report where case_id = :id and not linked order by received_at limit 1")
                .param("id", caseId).query(String.class).optional();
    }

    @Override
    public void linkReport(UUID caseId, NewCase c, String actor) {
        record Target(String status, String caseNumber, String communeCode, String provinceCode) {
        }
        Target target = jdbc.sql("select status, case_number, commune_code, province_code from case_file where id = :id")
                .param("id", caseId).query(Target.class).optional()
                .orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!"OPEN".equals(target.status())) {
            throw new CaseClosedException(caseId);
        }
        // no access for the linker: a report about a case is not a reason to read its file
        UUID reportId = insertReport(caseId, c, true);
        if (!c.communeCode().equals(target.communeCode())) {
            String entryId = OTHER_COMMUNE_REPORT_ENTRY + ":" + reportId;
            recordTimelineEntry(caseId, OTHER_COMMUNE_REPORT_ENTRY, entryId, c.receivingAgencyId(), Instant.now());
            recordStepData(entryId, Map.of("reportCommuneCode", c.communeCode(),
                    "caseCommuneCode", target.communeCode()));
        }
        events.publishEvent(new CaseEvents.ReportLinked(caseId, reportId, target.caseNumber(), target.communeCode(),
                target.provinceCode(), actor));
    }

    private List<CaseView.Step> steps(UUID caseId) {
        return jdbc.sql("select * from step_record where case_id = :id order by opened_at, id")
                .param("id", caseId)
                .query((rs, i) -> new CaseView.Step(rs.getString("step_key"), rs.getString("task_id"),
                        rs.getString("agency_id"), instant(rs, "opened_at"), instant(rs, "due_at"),
                        instant(rs, "completed_at"), rs.getString("completed_by"), fromJson(rs.getString("data")),
                        (Long) rs.getObject("late_seconds"), instant(rs, "ended_at")))
                .list();
    }

    private List<PlanMeasure> measures(UUID caseId) {
        return jdbc.sql("select * from plan_measure where case_id = :id order by plan_cycle, start_date, description")
                .param("id", caseId).query((rs, i) -> measure(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isVisibleTo(UUID caseId, CurrentUser user) {
        return jdbc.sql("select exists (select 1 from case_file c where c.id = :id and " + visibleTo(user) + ")")
                .param("id", caseId).params(visibilityParameters(user))
                .query(Boolean.class).single();
    }

    /**
     * The need-to-know rule as an SQL condition on the case {@code c} (parameters: {@link #visibilityParameters}):
     * a step of the case is or was routed to the user's agency (case_access), or they supervise its province. The
     * list ({@link JdbcCaseSearch}) applies this same text. A branch the user's role cannot take is left out of it,
     * so that the planner never weighs it.
     */
    static String visibleTo(CurrentUser user) {
        if (!user.role().readsCaseFiles()) {
            // a village collaborator's agency received the report, yet they never read the case file
            return "false";
        }
        String access = "exists (select 1 from case_access a where a.case_id = c.id and a.agency_id = :agency)";
        return user.role().supervisesProvince() && user.provinceCode() != null
                ? "(" + access + " or c.province_code = :province)" : access;
    }

    static Map<String, Object> visibilityParameters(CurrentUser user) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("agency", user.agencyId());
        parameters.put("province", user.provinceCode());
        return parameters;
    }

    @Override
    @Transactional(readOnly = true)
    public List<FiledReport> filedBy(String username, int limit) {
        return jdbc.sql("""
                        select c.case_number, c.received_at, c.commune_code,
                               case when c.status = 'CLOSED' then 'CLOSED'
                                    when exists (select 1 from step_record s where s.case_id = c.id
                                                 and s.step_key = 'verify_report' and s.completed_at is not null)
                                         then 'BEING_HANDLED'
                                    when exists (select 1 from step_record s where s.case_id = c.id
                                                 and s.step_key = 'verify_report') then 'BEING_VERIFIED'
                                    else 'RECEIVED' end as stage
                        from report r join case_file c on c.id = r.case_id
                        where r.receiving_officer = :u and not r.linked
                        order by c.received_at desc, c.case_number desc limit :limit""")
                .param("u", username).param("limit", limit)
                .query((rs, i) -> new FiledReport(rs.getString("case_number"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("commune_code"), FiledReportStage.valueOf(rs.getString("stage"))))
                .list();
    }

    @Override
    public void attachProcess(UUID caseId, String processInstanceId) {
        jdbc.sql("update case_file set process_instance_id = :p where id = :id")
                .param("p", processInstanceId).param("id", caseId).update();
    }

    @Override
    public void grantAccess(UUID caseId, String agencyId) {
        jdbc.sql("insert into case_access (case_id, agency_id, granted_at) values (:c, :a, now()) on conflict do nothing")
                .param("c", caseId).param("a", agencyId).update();
    }

    @Override
    public void assignReceivingAgency(UUID caseId, String agencyId, String actor, Instant at) {
        String previous = receivingAgency(caseId).orElse(null);
        jdbc.sql("""
                        insert into case_receiving_agency (case_id, agency_id, assigned_by, assigned_at)
                        values (:c, :a, :by, :at)
                        on conflict (case_id) do update set agency_id = excluded.agency_id,
                            assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at""")
                .param("c", caseId).param("a", agencyId).param("by", actor).param("at", Timestamp.from(at)).update();
        grantAccess(caseId, agencyId);
        events.publishEvent(new CaseEvents.ReceivingAgencyAssigned(caseId, agencyId, previous, actor, at));
    }

    @Override
    public Optional<String> receivingAgency(UUID caseId) {
        return jdbc.sql("select agency_id from case_receiving_agency where case_id = :c").param("c", caseId)
                .query(String.class).optional();
    }

    @Override
    public void stepOpened(UUID caseId, String stepKey, String taskId, String agencyId, Instant openedAt, Instant dueAt) {
        jdbc.sql("""
                        insert into step_record (case_id, step_key, task_id, agency_id, opened_at, due_at)
                        values (:c, :s, :t, :a, :o, :d) on conflict (task_id) do nothing""")
                .param("c", caseId).param("s", stepKey).param("t", taskId).param("a", agencyId)
                .param("o", Timestamp.from(openedAt)).param("d", dueAt == null ? null : Timestamp.from(dueAt)).update();
    }

    @Override
    public void stepDueChanged(String taskId, Instant dueAt) {
        jdbc.sql("update step_record set due_at = :d where task_id = :t")
                .param("d", dueAt == null ? null : Timestamp.from(dueAt)).param("t", taskId).update();
    }

    @Override
    public void recordStepData(String taskId, Map<String, Object> data) {
        jdbc.sql("update step_record set data = cast(:d as jsonb) where task_id = :t")
                .param("d", toJson(data)).param("t", taskId).update();
    }

    @Override
    public void stepCompleted(String taskId, String actor, Instant completedAt) {
        record Completed(UUID caseId, String stepKey, Long lateSeconds) {
        }
        jdbc.sql("""
                        update step_record set completed_at = :at, completed_by = :actor,
                               late_seconds = case when due_at < :at
                                                   then cast(extract(epoch from (:at - due_at)) as bigint) end
                        where task_id = :t and completed_at is null
                        returning case_id, step_key, late_seconds""")
                .param("at", Timestamp.from(completedAt)).param("actor", actor).param("t", taskId)
                .query(Completed.class).optional()
                .ifPresent(c -> events.publishEvent(new CaseEvents.StepCompleted(c.caseId(), c.stepKey(), taskId,
                        actor, completedAt, c.lateSeconds())));
    }

    @Override
    public void markEmergency(UUID caseId) {
        jdbc.sql("update case_file set emergency = true where id = :id").param("id", caseId).update();
    }

    @Override
    public void recordTimelineEntry(UUID caseId, String entryKey, String entryId, String agencyId, Instant at,
                                    Map<String, Object> data) {
        jdbc.sql("""
                        insert into step_record (case_id, step_key, task_id, agency_id, opened_at, completed_at, data)
                        values (:c, :s, :t, :a, :at, :at, cast(:d as jsonb)) on conflict (task_id) do nothing""")
                .param("c", caseId).param("s", entryKey).param("t", entryId).param("a", agencyId)
                .param("at", Timestamp.from(at)).param("d", toJson(data)).update();
    }

    @Override
    public void setProtectionLevel(UUID caseId, String protectionLevel) {
        jdbc.sql("update case_file set protection_level = :l where id = :id")
                .param("l", protectionLevel).param("id", caseId).update();
    }

    @Override
    public void draftPlan(UUID caseId, List<MeasureDraft> measures) {
        int cycle = jdbc.sql("select coalesce(max(plan_cycle), 0) from plan_measure where case_id = :c and status <> 'DRAFT'")
                .param("c", caseId).query(Integer.class).single() + 1;
        jdbc.sql("delete from plan_measure where case_id = :c and status = 'DRAFT'").param("c", caseId).update();
        for (MeasureDraft m : measures) {
            jdbc.sql("""
                            insert into plan_measure (id, case_id, plan_cycle, measure_type, responsible_role, description,
                                                      start_date, end_date, provider, cost_estimate)
                            values (:id, :c, :cycle, :type, :role, :d, :start, :end, :provider, :cost)""")
                    .param("id", UUID.randomUUID()).param("c", caseId).param("cycle", cycle)
                    .param("type", m.measureType()).param("role", m.responsibleRole()).param("d", m.description())
                    .param("start", m.startDate()).param("end", m.endDate()).param("provider", m.provider())
                    .param("cost", m.costEstimate()).update();
        }
    }

    @Override
    public List<UUID> activatePlan(UUID caseId) {
        return jdbc.sql("""
                        update plan_measure set status = 'ACTIVE' where case_id = :c and status = 'DRAFT'
                        returning id""")
                .param("c", caseId).query(UUID.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlanMeasure> measure(UUID measureId) {
        return jdbc.sql("select * from plan_measure where id = :id").param("id", measureId)
                .query((rs, i) -> measure(rs)).optional();
    }

    @Override
    public void recordMeasureOutcome(UUID measureId, String status, Long actualCost) {
        jdbc.sql("update plan_measure set status = :s, actual_cost = :cost where id = :id")
                .param("s", status).param("cost", actualCost).param("id", measureId).update();
    }

    @Override
    public void markCriminalProcedure(UUID caseId) {
        jdbc.sql("""
                        update case_file set criminal_procedure = true, handling_outcome = coalesce(handling_outcome, 'PENDING')
                        where id = :id""")
                .param("id", caseId).update();
    }

    @Override
    public void recordHandlingOutcome(UUID caseId, String outcome, String decisionNumber, LocalDate decisionDate) {
        jdbc.sql("""
                        update case_file set handling_outcome = :o, handling_decision_number = :n, handling_decision_date = :d
                        where id = :id and criminal_procedure""")
                .param("o", outcome).param("n", decisionNumber)
                .param("d", decisionDate == null ? null : java.sql.Date.valueOf(decisionDate)).param("id", caseId).update();
    }

    @Override
    public void markVerifiedNotACase(UUID caseId, String reason) {
        jdbc.sql("update case_file set closing_outcome = 'VERIFIED_NOT_A_CASE', closing_reason = :r where id = :id and status = 'OPEN'")
                .param("r", reason).param("id", caseId).update();
    }

    @Override
    public void stepEnded(String taskId, Instant at) {
        jdbc.sql("update step_record set ended_at = :at where task_id = :t and completed_at is null and ended_at is null")
                .param("at", Timestamp.from(at)).param("t", taskId).update();
    }

    @Override
    public void recordClosingSituation(UUID caseId, String situation, String careArrangement) {
        jdbc.sql("update case_file set closing_situation = :s, care_arrangement = :a where id = :id")
                .param("s", situation).param("a", careArrangement).param("id", caseId).update();
    }

    @Override
    public void close(UUID caseId, Instant closedAt) {
        // a case not marked "verified, not a case" before it closes was handled as a case
        int changed = jdbc.sql("""
                        update case_file set status = 'CLOSED', closed_at = :at,
                               closing_outcome = coalesce(closing_outcome, 'CASE_HANDLED')
                        where id = :id and status = 'OPEN'""")
                .param("at", Timestamp.from(closedAt)).param("id", caseId).update();
        if (changed > 0) {
            events.publishEvent(new CaseEvents.CaseClosed(caseId, closedAt));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseSummary> summary(UUID caseId) {
        LocalDate today = LocalDate.now(VIETNAM);
        return jdbc.sql("""
                        select c.id, c.case_number, c.commune_code, c.province_code, c.status, c.category,
                               c.process_instance_id, ch.full_name, ch.date_of_birth, ch.estimated_age
                        from case_file c join child ch on ch.case_id = c.id where c.id = :id""")
                .param("id", caseId)
                .query((rs, i) -> {
                    var dob = rs.getDate("date_of_birth");
                    Integer age = dob == null ? (Integer) rs.getObject("estimated_age")
                            : Integer.valueOf(Period.between(dob.toLocalDate(), today).getYears());
                    return new CaseSummary(rs.getObject("id", UUID.class), rs.getString("case_number"),
                            rs.getString("commune_code"), rs.getString("province_code"), rs.getString("status"),
                            rs.getString("category"), age, initials(rs.getString("full_name")),
                            rs.getString("process_instance_id"));
                })
                .optional();
    }

    @Override
    public void moveToCommune(UUID caseId, String communeCode) {
        jdbc.sql("update case_file set commune_code = :c where id = :id").param("c", communeCode).param("id", caseId)
                .update();
    }

    @Override
    public void stepRerouted(String taskId, String agencyId) {
        jdbc.sql("update step_record set agency_id = :a where task_id = :t and completed_at is null")
                .param("a", agencyId).param("t", taskId).update();
    }

    static PlanMeasure measure(ResultSet rs) throws SQLException {
        var cost = rs.getBigDecimal("cost_estimate");
        var actual = rs.getBigDecimal("actual_cost");
        return new PlanMeasure(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getInt("plan_cycle"), rs.getString("measure_type"), rs.getString("responsible_role"),
                rs.getString("description"), rs.getDate("start_date").toLocalDate(),
                rs.getDate("end_date").toLocalDate(), rs.getString("provider"),
                cost == null ? null : cost.longValue(), rs.getString("status"),
                actual == null ? null : actual.longValue());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored step data is not JSON", e);
        }
    }
}
