package vn.trean;

/**
 * Reopening a case (issue 12, item 7) for anonymous and every role, against the cases of
 * {@link AuthorizationMatrixTests}: {A} of Ba Đình and {B} of Ngọc Hà are open, so whoever may reopen them is told
 * the case is still open (409) and nothing opens; an agency that reads the case but does not run it is refused (403);
 * whoever cannot see it finds no case (404). The API's rows are in {@link AuthorizationMatrixTests}; a reopened
 * closed case: {@code ReopenIntegrationTests}.
 */
class ReopenMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            POST /cases/{A}/reopen                           -     403  403  409  409  403  404  404  404  409  404  404  404  404
            POST /cases/{B}/reopen                           -     403  403  404  404  404  404  404  409  409  404  404  404  404
            POST /cases/{X}/reopen                           -     403  404  404  404  404  404  404  404  404  404  404  404  404
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
