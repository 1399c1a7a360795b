package vn.trean;

/**
 * The overdue board's paging, filters and exports (issue 11 item 8) for anonymous and every role (the callers of
 * {@link MatrixTest}): the board is the province supervisor's (and the process owners' and administrators' of the
 * province) and a commune chairman's or officer's; everyone else is refused (403), anonymous callers of the API get
 * 401 and of the page the sign-in page. A wrong page, size or filter is a 400 for whoever may see the board, after
 * the authorization: it tells nobody else anything.
 */
class BoardMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/board?page=1&size=10&windowPage=1       -     401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board?commune=00004&step=verify_report&emergency=true&sort=STEP  -  401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board?agency=child-protection-00004&sort=COMMUNE  -  401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board?size=51                           -     401  403  400  400  403  403  403  400  400  400  400  403  403
            GET /api/board?page=-1                           -     401  403  400  400  403  403  403  400  400  400  400  403  403
            GET /api/board?step=no_such_step                 -     401  403  400  400  403  403  403  400  400  400  400  403  403
            GET /api/board?commune=4'or'1                    -     401  403  400  400  403  403  403  400  400  400  400  403  403
            GET /api/board/overdue.csv?step=verify_report&sort=CASE  -  401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board/overdue.xlsx?commune=00004        -     401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board/compliance.csv?from=2026-01-01&to=2026-12-31  -  401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board/compliance.xlsx?from=2026-01-01&to=2026-12-31  -  401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board/compliance.csv?from=2026-12-31&to=2026-01-01  -  401  403  400  400  403  403  403  400  400  400  400  403  403
            GET /board?page=1&commune=00004&emergency=true&from=2026-01-01&to=2026-01-31  -  302  403  200  200  403  403  403  200  200  200  200  403  403
            GET /board?size=0&page=-3                        -     302  403  400  400  403  403  403  400  400  400  400  403  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
