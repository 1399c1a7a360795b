package vn.trean.reporting;

import vn.trean.MatrixTest;

/**
 * The statistics (issue 10 item 2) for anonymous and every role: the area a user oversees (SupervisedArea, as the
 * board) and nothing else. The commune staff of Ba Đình (officer, chairman) see Ba Đình, Ngọc Hà's officer Ngọc
 * Hà; the province supervisor, the process owner and the administrator (Sở Y tế Hà Nội) Hà Nội and any of its
 * communes; a commune asked for outside one's area, or the province by a commune's staff, is 403. Every other role
 * (the hotline, police, school, health station, the province administrator, a collaborator) has no statistics.
 */
class StatisticsMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                                         body anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/statistics?from=2026-01-01&to=2026-06-30                 -    401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/statistics?from=2026-01-01&to=2026-06-30&commune=00004   -    401  403  200  200  403  403  403  403  200  200  200  403  403
            GET /api/statistics?from=2026-01-01&to=2026-06-30&commune=00008   -    401  403  403  403  403  403  403  200  200  200  200  403  403
            GET /api/statistics?from=2026-01-01&to=2026-06-30&commune=18880   -    401  403  403  403  403  403  403  403  403  403  403  403  403
            GET /api/statistics?from=2026-01-01&to=2026-06-30&province=01     -    401  403  403  403  403  403  403  403  200  200  200  403  403
            GET /api/statistics?from=2026-06-30&to=2026-01-01                 -    401  403  400  400  403  403  403  400  400  400  400  403  403
            GET /statistics                                                   -    302  403  200  200  403  403  403  200  200  200  200  403  403
            GET /statistics?period=Y-2025&commune=00008                       -    302  403  403  403  403  403  403  200  200  200  200  403  403
            GET /statistics?from=2026-06-30&to=2026-01-01                     -    302  403  200  200  403  403  403  200  200  200  200  403  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
