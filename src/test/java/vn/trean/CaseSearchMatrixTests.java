package vn.trean;

/**
 * The case list and its search (issue 11 item 1) for anonymous and every role (the callers of {@link MatrixTest}).
 * Every signed-in caller may open the list: what it lists is cut by the need-to-know rule (a caller who needs to
 * know no case gets an empty list, never a refusal), which {@code CaseSearchIntegrationTests} checks row by row.
 * The search form posts (so a child's name never enters a URL): anonymously it has no CSRF token (403). A GET of
 * the search's path is read as {@code GET /api/cases/{id}} with a malformed id (400).
 */
class CaseSearchMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /cases                                       -     302  200  200  200  200  200  200  200  200  200  200  200  200
            POST /cases                                      -     403  200  200  200  200  200  200  200  200  200  200  200  200
            POST /api/cases/search                           json  401  200  200  200  200  200  200  200  200  200  200  200  200
            GET /api/cases/search                            -     401  400  400  400  400  400  400  400  400  400  400  400  400
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
