package vn.trean.reporting.serious;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.casefile.CaseFiles;
import vn.trean.casefile.CaseNotFoundException;
import vn.trean.casefile.CaseView;
import vn.trean.casefile.CaseVisibility;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.organisation.Agency;
import vn.trean.organisation.Locality;
import vn.trean.organisation.Organisation;
import vn.trean.problem.ApiProblem;
import vn.trean.reporting.SeriousCaseReport;
import vn.trean.reporting.SeriousCaseReported;
import vn.trean.reporting.SeriousCaseReports;
import vn.trean.workflow.EngineClock;

/**
 * Serious-case reports in {@code serious_case_report}. Two clicks at once are serialised on the case (a
 * transaction-scoped advisory lock), so that the second sees the first's report and sends nothing.
 */
@Service
@Transactional
class JdbcSeriousCaseReports implements SeriousCaseReports {

    /** The timeline entry of a report sent. */
    static final String TIMELINE_ENTRY = "serious_case_reported";
    /** The role key of the routing rules that names the province department. */
    private static final String PROVINCE_DEPARTMENT = "province-supervisor";
    private static final Set<Role> SENDERS = Set.of(Role.COMMUNE_OFFICER, Role.COMMUNE_CHAIRMAN);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final CaseFiles cases;
    private final Organisation organisation;
    private final SeriousReportText text;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    JdbcSeriousCaseReports(CaseFiles cases, Organisation organisation, SeriousReportText text, JdbcClient jdbc,
                           ObjectMapper json, ApplicationEventPublisher events) {
        this.cases = cases;
        this.organisation = organisation;
        this.text = text;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    @Override
    public Sent send(UUID caseId, CurrentUser user) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        var summary = cases.summary(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!SENDERS.contains(user.role()) || !summary.communeCode().equals(user.localityCode())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "serious-report-not-yours", summary.caseNumber());
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "serious-case-report:" + caseId).query(rs -> {
                });
        Instant now = EngineClock.now();
        Optional<SeriousCaseReport> recent = reports(caseId, 1).stream()
                .filter(r -> r.sentAt().isAfter(now.minus(REPEAT_WINDOW))).findFirst();
        if (recent.isPresent()) {
            return new Sent(recent.get(), true);
        }
        Agency department = organisation.agencyForRole(PROVINCE_DEPARTMENT, summary.communeCode(),
                        summary.provinceCode(), LocalDate.ofInstant(now, SeriousReportText.VIETNAM))
                .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "serious-report-no-recipient",
                        summary.caseNumber()));
        CaseView view = cases.read(caseId, user).orElseThrow(() -> new CaseNotFoundException(caseId));
        Map<String, String> agencyNames = agencyNames();
        var facts = SeriousReportFacts.of(view, summary, place(view), new SeriousReportFacts.Reporter(
                user.displayName(), agencyNames.getOrDefault(user.agencyId(), user.agencyId()), now), agencyNames);
        var report = new SeriousCaseReport(UUID.randomUUID(), caseId, view.caseNumber(), user.username(),
                user.agencyId(), now, department.id(), json.convertValue(facts, JSON_OBJECT),
                text.write(facts, SeriousReportText.VIETNAMESE), text.write(facts, Locale.ENGLISH));
        store(report);
        String entryId = TIMELINE_ENTRY + ":" + report.id();
        cases.recordTimelineEntry(caseId, TIMELINE_ENTRY, entryId, user.agencyId(), now);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("reportedBy", user.displayName());
        entry.put("sentTo", department.name());
        cases.recordStepData(entryId, entry);
        events.publishEvent(new SeriousCaseReported(report.id(), caseId, report.caseNumber(), department.id(),
                user.username(), now, report.textVi(), report.textEn()));
        return new Sent(report, false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SeriousCaseReport> ofCase(UUID caseId, CurrentUser user) {
        if (!cases.isVisibleTo(caseId, user)) {
            throw new CaseNotFoundException(caseId);
        }
        if (!CaseVisibility.seesWholeCase(user.role())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "serious-report-hidden");
        }
        return reports(caseId, 100);
    }

    private List<SeriousCaseReport> reports(UUID caseId, int limit) {
        return jdbc.sql("""
                        select r.*, c.case_number from serious_case_report r join case_file c on c.id = r.case_id
                        where r.case_id = :c order by r.sent_at desc, r.id limit :limit""")
                .param("c", caseId).param("limit", limit)
                .query((rs, i) -> report(rs)).list();
    }

    private void store(SeriousCaseReport report) {
        try {
            jdbc.sql("""
                            insert into serious_case_report (id, case_id, sent_by, sent_by_agency_id, sent_at,
                                                             recipient_agency_id, content, text_vi, text_en)
                            values (:id, :c, :by, :agency, :at, :to, cast(:content as jsonb), :vi, :en)""")
                    .param("id", report.id()).param("c", report.caseId()).param("by", report.sentBy())
                    .param("agency", report.sentByAgencyId()).param("at", Timestamp.from(report.sentAt()))
                    .param("to", report.recipientAgencyId()).param("content", json.writeValueAsString(report.content()))
                    .param("vi", report.textVi()).param("en", report.textEn()).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SeriousCaseReport report(ResultSet rs) throws SQLException {
        try {
            return new SeriousCaseReport(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                    rs.getString("case_number"), rs.getString("sent_by"), rs.getString("sent_by_agency_id"),
                    rs.getTimestamp("sent_at").toInstant(), rs.getString("recipient_agency_id"),
                    json.readValue(rs.getString("content"), JSON_OBJECT), rs.getString("text_vi"),
                    rs.getString("text_en"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored serious-case report is not JSON", e);
        }
    }

    private SeriousReportFacts.Place place(CaseView view) {
        String commune = organisation.commune(view.communeCode()).map(Locality::name).orElse(view.communeCode());
        String province = organisation.provinces().stream().filter(p -> p.code().equals(view.provinceCode()))
                .map(Locality::name).findFirst().orElse(view.provinceCode());
        return new SeriousReportFacts.Place(view.communeCode(), commune, view.provinceCode(), province);
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        organisation.agencies().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
