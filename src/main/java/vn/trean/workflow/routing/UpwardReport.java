package vn.trean.workflow.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.trean.casefile.CaseFiles;
import vn.trean.workflow.CaseProcess.Role;

/**
 * Who is told at once of an emergency declared or a separation decided (issue 9, item 2): the province
 * department, and for a case received before 1 Jul 2025 the district labour office of its legacy district too.
 * One entry in the case's timeline, with the time, names them all; the offices get a notice only, never access.
 */
@Component
class UpwardReport {

    /** The entry's data: the ids of the agencies told, the province department first. */
    static final String REPORTED_TO = "reportedTo";

    private final CaseFiles cases;
    private final AgencyRouter router;

    UpwardReport(CaseFiles cases, AgencyRouter router) {
        this.cases = cases;
        this.router = router;
    }

    /** The agencies told: the province supervisor's, and the legacy district labour offices. */
    record Recipients(List<String> province, List<String> legacyDistrict) {

        List<String> all() {
            return Stream.concat(province.stream(), legacyDistrict.stream()).distinct().toList();
        }
    }

    /** Records the entry {@code entryKey} (idempotent by {@code entryKey} and {@code subjectId}) and returns whom to tell. */
    Recipients record(CaseContext context, String entryKey, String subjectId, Instant now) {
        Recipients told = new Recipients(router.agenciesToNotify(context, Role.PROVINCE_SUPERVISOR),
                router.legacyDistrictOfficesToNotify(context));
        List<String> all = told.all();
        cases.recordTimelineEntry(context.caseId(), entryKey, entryKey + ":" + subjectId,
                all.isEmpty() ? null : all.get(0), now, all.isEmpty() ? null : Map.of(REPORTED_TO, all));
        return told;
    }
}
