package vn.trean;

/**
 * The open-data export's layout version 2 (issue 10 item 5) for anonymous and every role (the callers of
 * {@link MatrixTest}): the same door as layout 1 in {@link ReportingMatrixTests} — the province supervisor's (their
 * province; another answers 403) and the installation administrators' (any province or all).
 */
class OpenDataExportMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/exports/closed-cases?from=2026-01-01&to=2026-12-31&layoutVersion=2  -  401  403  403  403  403  403  403  403  200  403  200  403  403
            GET /api/exports/closed-cases?from=2026-01-01&to=2026-12-31&format=json&layoutVersion=2  -  401  403  403  403  403  403  403  403  200  403  200  403  403
            GET /api/exports/closed-cases?from=2026-01-01&to=2026-12-31&province=44&layoutVersion=2  -  401  403  403  403  403  403  403  403  403  403  200  403  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
