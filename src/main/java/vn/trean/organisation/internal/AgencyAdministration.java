package vn.trean.organisation.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.organisation.AdministrationScope;
import vn.trean.organisation.AdministrationScopes;
import vn.trean.organisation.AgencyKind;
import vn.trean.organisation.AgencyWork;
import vn.trean.organisation.AgencyWork.OpenTask;
import vn.trean.organisation.OrganisationAdministration.AgencyEntry;
import vn.trean.organisation.OrganisationEvents.AgencyChanged;
import vn.trean.organisation.OrganisationEvents.AgencyState;
import vn.trean.organisation.OrganisationEvents.OpenTasksMoved;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;
import vn.trean.problem.InvalidFieldsProblem.Violation;
import vn.trean.problem.ListingProblem;

/**
 * Administrators create, rename, end and retire agencies, and hand an agency's open tasks to another. An
 * agency is never deleted (tasks, cases and users keep pointing at it): it ends on its valid-to day.
 */
@Service
public class AgencyAdministration {

    /** Administrative days (valid-from, valid-to) are Vietnamese calendar days. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String COLUMNS = """
            a.id, a.kind, a.name, a.locality_list, a.locality_code, l.name as locality_name, l.province_code,
            a.valid_from, a.valid_to
            from agency a left join locality l on l.list = a.locality_list and l.code = a.locality_code
            """;

    private final JdbcClient jdbc;
    private final AgencyWork work;
    private final ApplicationEventPublisher events;
    private final AdministrationScopes scopes;

    AgencyAdministration(JdbcClient jdbc, AgencyWork work, ApplicationEventPublisher events, AdministrationScopes scopes) {
        this.jdbc = jdbc;
        this.work = work;
        this.events = events;
        this.scopes = scopes;
    }

    /** The agencies of one locality (its code in either list), or all of them when the code is null; by kind and id. */
    public List<AgencyEntry> list(String localityCode) {
        return jdbc.sql("select " + COLUMNS + " where (cast(:locality as text) is null or a.locality_code = :locality) and "
                        + AdministrationScope.agencyCondition("a.id") + " order by a.locality_code nulls first, a.kind, a.id")
                .param("locality", localityCode).param("scopeProvince", scopes.current().provinceCode())
                .query(AgencyAdministration::entry).list();
    }

    /** An agency the current administrator administers; one outside their province is as missing. */
    public Optional<AgencyEntry> find(String id) {
        return jdbc.sql("select " + COLUMNS + " where a.id = :id and " + AdministrationScope.agencyCondition("a.id"))
                .param("id", id).param("scopeProvince", scopes.current().provinceCode())
                .query(AgencyAdministration::entry).optional();
    }

    /**
     * A new agency of a commune, province, legacy district (the district labour office) or of the whole
     * country, by its kind's tier. Its id is made from the kind and the locality; a second agency of the same
     * kind in a locality (several schools of a commune) gets {@code -2}, {@code -3}...
     */
    @Transactional
    public AgencyEntry create(AgencyKind kind, String name, String localityCode, LocalDate validFrom,
                              LocalDate validTo, String actor) {
        LocalDate from = validFrom == null ? today() : validFrom;
        checkPeriod(from, validTo);
        String list = checkLocality(kind, localityCode);
        // two administrators adding a school to the same commune at once must not pick the same id
        jdbc.sql("select pg_advisory_xact_lock(hashtext('agency-id'))").query((rs, i) -> 1).list();
        String id = freeId(kind, localityCode);
        jdbc.sql("""
                        insert into agency (id, kind, name, locality_list, locality_code, valid_from, valid_to)
                        values (:id, :kind, :name, :list, :locality, :from, :to)""")
                .param("id", id).param("kind", kind.name()).param("name", name.strip()).param("list", list)
                .param("locality", localityCode).param("from", from).param("to", validTo).update();
        // the scope decides on the agency as written: a unit outside the administrator's province is unknown to
        // them, and the exception rolls the insert back
        AgencyEntry created = find(id).orElseThrow(() -> outsideScope(kind));
        events.publishEvent(new AgencyChanged(actor, "AGENCY_CREATED", null, state(created)));
        return created;
    }

    /** Renames an agency and sets (or clears) its last day; ending it is refused while it has open tasks. */
    @Transactional
    public AgencyEntry update(String id, String name, LocalDate validTo, String actor) {
        AgencyEntry before = lockExisting(id);
        checkPeriod(before.validFrom(), validTo);
        if (validTo != null && !validTo.equals(before.validTo())) {
            refuseWhileOpenTasks(id);
        }
        jdbc.sql("update agency set name = :name, valid_to = :to where id = :id")
                .param("name", name.strip()).param("to", validTo).param("id", id).update();
        AgencyEntry after = find(id).orElseThrow();
        events.publishEvent(new AgencyChanged(actor, "AGENCY_CHANGED", state(before), state(after)));
        return after;
    }

    /** Ends an agency on {@code on} (today when null): refused with the list of its open tasks while it has any. */
    @Transactional
    public AgencyEntry retire(String id, LocalDate on, String actor) {
        AgencyEntry before = lockExisting(id);
        LocalDate last = on == null ? today() : on;
        checkPeriod(before.validFrom(), last);
        refuseWhileOpenTasks(id);
        jdbc.sql("update agency set valid_to = :to where id = :id").param("to", last).param("id", id).update();
        AgencyEntry after = find(id).orElseThrow();
        events.publishEvent(new AgencyChanged(actor, "AGENCY_RETIRED", state(before), state(after)));
        return after;
    }

    /** Hands every open task of an agency to another agency that is in service today. */
    @Transactional
    public List<OpenTask> moveOpenTasks(String fromId, String toId, String actor) {
        lockExisting(fromId);
        AgencyEntry to = find(toId).orElseThrow(() -> new InvalidFieldsProblem(
                List.of(new Violation("toAgencyId", "unknown-agency"))));
        LocalDate today = today();
        if (fromId.equals(toId) || today.isBefore(to.validFrom()) || (to.validTo() != null && today.isAfter(to.validTo()))) {
            throw new InvalidFieldsProblem(List.of(new Violation("toAgencyId", "agency-not-in-service")));
        }
        List<OpenTask> moved = work.moveOpenTasks(fromId, toId);
        events.publishEvent(new OpenTasksMoved(actor, fromId, toId, moved.stream().map(OpenTask::taskId).toList()));
        return moved;
    }

    private static InvalidFieldsProblem outsideScope(AgencyKind kind) {
        AgencyKind.Tier tier = kind.tier();
        return tier == AgencyKind.Tier.NATIONAL
                ? new InvalidFieldsProblem(List.of(new Violation("kind", "national-agency-outside-province")))
                : new InvalidFieldsProblem(List.of(new Violation("localityCode", "unknown-" + tier.name().toLowerCase(Locale.ROOT))));
    }

    private void refuseWhileOpenTasks(String id) {
        List<OpenTask> open = work.openTasksOf(id);
        if (!open.isEmpty()) {
            throw new ListingProblem(HttpStatus.CONFLICT, "agency-has-open-tasks", "openTasks", open, id, open.size());
        }
    }

    private AgencyEntry lockExisting(String id) {
        find(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        jdbc.sql("select id from agency where id = :id for update").param("id", id).query(String.class).single();
        return find(id).orElseThrow();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw new InvalidFieldsProblem(List.of(new Violation("validTo", "end-before-start")));
        }
    }

    /** The administrative list the locality is looked up in, once it is known to fit the kind. */
    private String checkLocality(AgencyKind kind, String code) {
        AgencyKind.Tier tier = kind.tier();
        if (tier == AgencyKind.Tier.NATIONAL) {
            if (code != null) {
                throw new InvalidFieldsProblem(List.of(new Violation("localityCode", "national-agency-locality")));
            }
            return "V2025";
        }
        String list = tier == AgencyKind.Tier.DISTRICT ? "LEGACY" : "V2025";
        boolean exists = code != null && jdbc.sql("""
                        select count(*) from locality
                        where list = :list and code = :code and level = :level and retired_at is null""")
                .param("list", list).param("code", code).param("level", tier.name()).query(Long.class).single() > 0;
        if (!exists) {
            throw new InvalidFieldsProblem(List.of(new Violation("localityCode",
                    "unknown-" + tier.name().toLowerCase(Locale.ROOT))));
        }
        return list;
    }

    private String freeId(AgencyKind kind, String localityCode) {
        String base = kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + (localityCode == null ? "" : "-" + localityCode);
        String id = base;
        for (int n = 2; jdbc.sql("select count(*) from agency where id = :id").param("id", id).query(Long.class)
                .single() > 0; n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static AgencyState state(AgencyEntry a) {
        return new AgencyState(a.id(), a.kind().name(), a.name(), a.localityList(), a.localityCode(), a.validFrom(),
                a.validTo());
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    private static AgencyEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var validTo = rs.getDate("valid_to");
        return new AgencyEntry(rs.getString("id"), AgencyKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("locality_list"), rs.getString("locality_code"), rs.getString("locality_name"),
                rs.getString("province_code"), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate());
    }
}
