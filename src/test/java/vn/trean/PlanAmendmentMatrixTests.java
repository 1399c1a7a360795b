package vn.trean;

/**
 * Opening a plan amendment (issue 12 item 3) for anonymous and every role, against the cases of
 * {@link AuthorizationMatrixTests}: {A} of Ba Đình runs a plan with a police measure, so its officer opens an
 * amendment (201 through the API; the page then lands on the proposal, or on the case page with "already pending":
 * 302 either way); whoever else sees it is refused (403); {B} of Ngọc Hà has no plan yet, so its officer is told so
 * (409, on the page a message: 302); whoever cannot see a case finds none (404). The walk through an amendment:
 * {@code PlanAmendmentIntegrationTests}. The same rows for reporting a change of a closed case's alternative care
 * (issue 12 item 6): no child of {A} or {B} is followed, so their officers are told so (409; the page: 302);
 * {@code CareFollowUpIntegrationTests} walks one through.
 */
class PlanAmendmentMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            POST /api/cases/{A}/plan-amendments              json  401  403  201  403  403  404  404  404  403  404  404  404  404
            POST /api/cases/{B}/plan-amendments              json  401  403  404  404  404  404  404  409  403  404  404  404  404
            POST /api/cases/{X}/plan-amendments              json  401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /cases/{A}/plan-amendments                  -     403  403  302  403  403  404  404  404  403  404  404  404  404
            POST /cases/{B}/plan-amendments                  -     403  403  404  404  404  404  404  302  403  404  404  404  404
            POST /cases/{X}/plan-amendments                  -     403  404  404  404  404  404  404  404  404  404  404  404  404
            POST /api/cases/{A}/care-changes                 json  401  403  409  403  403  404  404  404  403  404  404  404  404
            POST /api/cases/{B}/care-changes                 json  401  403  404  404  404  404  404  409  403  404  404  404  404
            POST /api/cases/{X}/care-changes                 json  401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /cases/{A}/care-changes                     -     403  403  302  403  403  404  404  404  403  404  404  404  404
            POST /cases/{B}/care-changes                     -     403  403  404  404  404  404  404  302  403  404  404  404  404
            POST /cases/{X}/care-changes                     -     403  404  404  404  404  404  404  404  404  404  404  404  404
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
