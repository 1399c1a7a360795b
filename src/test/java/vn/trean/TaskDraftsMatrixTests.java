package vn.trean;

/**
 * Drafts of task forms and the session's "keep me signed in" (issue 11, item 3), and the service worker's script
 * (item 4), for anonymous and every role (the callers of {@link MatrixTest}), against the police measure {T} of
 * {@link AuthorizationMatrixTests}' case {A} and a task {X} that does not exist.
 *
 * <p>A draft is its author's only, while they may work the task: the police officer of {T}'s agency reads, writes
 * and discards theirs; everyone else — those who see the case included — finds no draft and no task (404), as for
 * a missing task. The village collaborator is fenced off both (403), as off every page but their own. The service worker's script is
 * public otherwise.
 */
class TaskDraftsMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/tasks/{T}/draft                         -     401  404  404  404  204  404  404  404  404  404  404  404  403
            PUT /api/tasks/{T}/draft                         json  401  404  404  404  200  404  404  404  404  404  404  404  403
            DELETE /api/tasks/{T}/draft                      -     401  404  404  404  204  404  404  404  404  404  404  404  403
            GET /api/tasks/{X}/draft                         -     401  404  404  404  404  404  404  404  404  404  404  404  403
            PUT /api/tasks/{X}/draft                         json  401  404  404  404  404  404  404  404  404  404  404  404  403
            POST /api/session/keep-alive                     -     401  200  200  200  200  200  200  200  200  200  200  200  403
            GET /sw.js                                       -     200  200  200  200  200  200  200  200  200  200  200  200  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
