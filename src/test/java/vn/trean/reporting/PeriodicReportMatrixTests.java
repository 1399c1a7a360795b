package vn.trean.reporting;

import vn.trean.MatrixTest;

/**
 * The periodic report and the submissions (issue 10 item 3) for anonymous and every role. The report follows the
 * statistics' scope (see {@link StatisticsMatrixTests}); only a commune's officer and chairman submit (an empty
 * body: 400 naming the period, after who may); only the province supervisor lists who of the province has
 * submitted; a submission unknown or of another area is 404. The page's form post answers with a redirect.
 */
class PeriodicReportMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                                                     body anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/statistics/report?from=2026-01-01&to=2026-06-30&format=xlsx          -    401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/statistics/report?from=2026-01-01&to=2026-06-30&commune=00008&format=pdf -  401  403  403  403  403  403  403  200  200  200  200  403  403
            GET /api/statistics/report?from=2026-06-30&to=2026-01-01&format=pdf           -    401  403  400  400  403  403  403  400  400  400  400  403  403
            POST /api/statistics/submissions                                              json 401  403  400  400  403  403  403  400  403  403  403  403  403
            GET /api/statistics/submissions?from=2026-01-01&to=2026-06-30                 -    401  403  403  403  403  403  403  403  200  403  403  403  403
            GET /api/statistics/submissions/{X}/report?format=pdf                         -    401  403  404  404  403  403  403  404  404  403  403  403  403
            POST /statistics/submissions                                                  form 403  403  302  302  403  403  403  302  403  403  403  403  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
