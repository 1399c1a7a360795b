package vn.trean;

/**
 * Reporting (issue 10 items 4 and 5) for anonymous and every role (the callers of {@link MatrixTest}), against the
 * cases of {@link AuthorizationMatrixTests}: {A} of Ba Đình, {B} of Ngọc Hà, {X} nowhere.
 *
 * <p>The serious-case report is the commune's that runs the case: Ba Đình's officer sends it (201) and the chairman's
 * click that follows within the minute answers the same report (200); every other agency that sees the case is
 * refused (403), anyone else finds no case (404). The page's form post answers with the case page (302). The open-data
 * export is the province supervisor's (their province; another answers 403) and the installation administrators'
 * (any province or all); the province administrator reaches no case data.
 */
class ReportingMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            POST /api/cases/{A}/serious-report               -     401  403  201  200  403  404  404  404  403  404  404  404  404
            POST /api/cases/{B}/serious-report               -     401  403  404  404  404  404  404  201  403  404  404  404  404
            POST /api/cases/{X}/serious-report               -     401  404  404  404  404  404  404  404  404  404  404  404  404
            GET /api/cases/{A}/serious-reports               -     401  403  200  200  403  404  404  404  200  404  404  404  404
            GET /api/cases/{B}/serious-reports               -     401  403  404  404  404  404  404  200  200  404  404  404  404
            POST /cases/{A}/serious-report                   -     403  403  302  302  403  404  404  404  403  404  404  404  404
            GET /api/exports/closed-cases?from=2026-01-01&to=2026-12-31  -  401  403  403  403  403  403  403  403  200  403  200  403  403
            GET /api/exports/closed-cases?from=2026-01-01&to=2026-12-31&format=json  -  401  403  403  403  403  403  403  403  200  403  200  403  403
            GET /api/exports/closed-cases?from=2026-01-01&to=2026-12-31&province=44  -  401  403  403  403  403  403  403  403  403  403  200  403  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
