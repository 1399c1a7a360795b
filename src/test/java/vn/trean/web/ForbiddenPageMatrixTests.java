package vn.trean.web;

import vn.trean.MatrixTest;

/** Issue 11, item 10: the app's 403 page, which Spring Security forwards to for the engine's webapps. */
class ForbiddenPageMatrixTests extends MatrixTest {

    @Override
    protected String matrix() {
        return """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /forbidden                                   -     302  403  403  403  403  403  403  403  403  403  403  403  403
            GET /camunda/app/                                -     302  403  403  403  403  403  403  403  403  302  302  403  403
            """;
    }
}
