package vn.trean;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.oversight.DeadlineWatcher;

/**
 * Deadline breaches and their reasons (issue 12 item 1) for anonymous and every role (the callers of
 * {@link MatrixTest}). {C} is a case of Ba Đình whose plan gave the police a measure, past its end: {K} is that
 * breach, the police's. Only the police (the agency that held the step) may give its reason: the fixture's empty
 * form is then refused as such (400; the page sends the form back, 302). Whoever else knows the case is refused
 * (403, saying why); whoever does not finds no case (404), as for the missing {X}, for a breach {M} that does not
 * exist or one ({K}) asked for under another case ({B}). The breaches of a case are read by whoever knows it: those
 * who run or oversee it all, every other agency its own. The village collaborator reaches case paths and finds no
 * case there (404), as everywhere; an anonymous page post has no CSRF token (403).
 */
class BreachesMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/cases/{C}/breaches                      -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{B}/breaches                      -     401  200  404  404  404  404  404  200  200  404  404  404  404
            GET /api/cases/{X}/breaches                      -     401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /api/cases/{C}/breaches/{K}/reason          json  401  403  403  403  400  404  404  404  403  404  404  404  404
            POST /api/cases/{C}/breaches/{M}/reason          json  401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /api/cases/{B}/breaches/{K}/reason          json  401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /api/cases/{X}/breaches/{K}/reason          json  401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /cases/{C}/breaches/{K}/reason              form  403  403  403  403  302  404  404  404  403  404  404  404  404
            GET /cases/{C}                                   -     302  200  200  200  200  404  404  404  200  404  404  404  404
            """;

    @Autowired
    DeadlineWatcher watcher;

    @Override
    protected String matrix() {
        UUID caseId = caseWithAPoliceMeasure();
        jdbc.sql("update work_item set due_at = ? where case_id = ? and step_key = 'implement_measure'")
                .param(Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param(caseId).update();
        watcher.checkNow(Instant.now());
        String breach = jdbc.sql("select id::text from deadline_breach where case_id = ? and step_key = 'implement_measure'")
                .param(caseId).query(String.class).single();
        return MATRIX.replace("{C}", caseId.toString()).replace("{K}", breach)
                .replace("{M}", String.valueOf(Long.MAX_VALUE));
    }
}
