package vn.trean;

/**
 * Notifications in the app (issue 11 item 5) for anonymous and every role (the callers of {@link MatrixTest}).
 * {N} is the officer's newest notification (the fixture's reports give Ba Đình's officer new tasks): it opens for the
 * officer only (302 on to its task or case, 200 from the API); to everyone else it is not found (404), exactly as an
 * id that exists nowhere ({M}). Everyone signed in has a list, a count and "mark all read" of their own; a village
 * collaborator has none (403, the allowlist of their pages). A page number out of bounds is the caller's mistake (400).
 */
class NotificationsMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /notifications                               -     302  200  200  200  200  200  200  200  200  200  200  200  403
            GET /notifications?page=1                        -     302  200  200  200  200  200  200  200  200  200  200  200  403
            GET /notifications?page=-1                       -     302  400  400  400  400  400  400  400  400  400  400  400  403
            GET /notifications/{N}                           -     302  404  302  404  404  404  404  404  404  404  404  404  403
            GET /notifications/{M}                           -     302  404  404  404  404  404  404  404  404  404  404  404  403
            GET /notifications/x                             -     302  404  404  404  404  404  404  404  404  404  404  404  403
            POST /notifications/read-all                     -     403  302  302  302  302  302  302  302  302  302  302  302  403
            GET /api/notifications/inbox                     -     401  200  200  200  200  200  200  200  200  200  200  200  403
            GET /api/notifications/inbox?size=101            -     401  400  400  400  400  400  400  400  400  400  400  400  403
            GET /api/notifications/unread                    -     401  200  200  200  200  200  200  200  200  200  200  200  403
            POST /api/notifications/{N}/read                 -     401  404  200  404  404  404  404  404  404  404  404  404  403
            POST /api/notifications/{M}/read                 -     401  404  404  404  404  404  404  404  404  404  404  404  403
            POST /api/notifications/x/read                   -     401  400  400  400  400  400  400  400  400  400  400  400  403
            POST /api/notifications/read-all                 -     401  200  200  200  200  200  200  200  200  200  200  200  403
            """;

    @Override
    protected String matrix() {
        String officers = jdbc.sql("select max(id)::text from user_notification where username = 'officer'")
                .query(String.class).single();
        return MATRIX.replace("{N}", officers).replace("{M}", String.valueOf(Long.MAX_VALUE));
    }
}
