package vn.trean;

/**
 * Every endpoint but administration's — the API, the pages, the engine REST API and the Camunda webapps — for
 * anonymous and every role, against a case each caller may or may not know, with the status each must get. One
 * readable table: a row per request, a column per caller.
 *
 * <p>The case {A} is in Ba Đình (commune A): the hotline filed it, the officer and the chairman ran its
 * steps, the plan gave the police a measure ({T} is that task, {D} a document the officer added). The
 * school, the health station, Ngọc Hà's officer, the process owner and the administrator have no part in
 * it. {B} is a case of Ngọc Hà that no Ba Đình agency knows. {X} is an id that exists nowhere. {I} is the
 * demo's integration account (hotline-system). admin.hanoi (padm) is Hà Nội's province administrator: no part in
 * any case, the agencies, people and rules of Hà Nội only; {Q} is an agency and {U} a user of Quảng Trị (another
 * province), which are as missing to them. Only their province's rows in lists: ProvinceAdministrationIntegrationTests.
 * ctv.badinh (ctv) is a village collaborator of Ba Đình (issue 9, item 5): the short report form and the list of
 * the reports they filed, their password, nothing else — 403 for every other page and API, and a case is hidden
 * (404) from them like from anyone without a part in it, their own report's included (ReceivingPointsIntegrationTests).
 * The school, the health station and the supervisor are receiving points (Decree 56 Art. 25): they file and link
 * reports; a link to a case they have no part in answers as a missing case. The report sent is of Ba Đình: the
 * hotline and the supervisor may add it to Ngọc Hà's {B} (issue 9 item 4), Ngọc Hà's officer may not (400).
 *
 * <p>Requests that would change something are sent so that an allowed caller is refused by a check
 * that comes after the authorization (an empty form, an unknown match reference), or change only test
 * data (a new report, a linked report, an uploaded document).
 */
class AuthorizationMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/cases/{A}                               -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{B}                               -     401  200  404  404  404  404  404  200  200  404  404  404  404
            GET /api/cases/{X}                               -     401  404  404  404  404  404  404  404  404  404  404  404  404
            GET /api/cases/{A}/classification                -     401  403  200  200  403  404  404  404  200  404  404  404  404
            GET /api/cases/{B}/classification                -     401  403  404  404  404  404  404  200  200  404  404  404  404
            GET /api/cases/{X}/classification                -     401  404  404  404  404  404  404  404  404  404  404  404  404
            PUT /api/cases/{A}/classification                json  401  403  400  400  403  404  404  404  403  404  404  404  404
            PUT /api/cases/{B}/classification                json  401  403  404  404  404  404  404  400  403  404  404  404  404
            POST /api/cases/{A}/reopen                       -     401  403  409  409  403  404  404  404  409  404  404  404  404
            POST /api/cases/{B}/reopen                       -     401  403  404  404  404  404  404  409  409  404  404  404  404
            POST /api/cases/{X}/reopen                       -     401  404  404  404  404  404  404  404  404  404  404  404  404
            GET /api/cases/{A}/breaches                      -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{A}/documents                     -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{A}/documents/{D}                 -     401  404  200  200  404  404  404  404  200  404  404  404  404
            POST /api/cases/{A}/documents                    file  401  201  201  201  201  404  404  404  201  404  404  404  404
            POST /api/cases/{A}/reports                      json  401  200  200  200  200  404  404  404  200  403  403  403  403
            POST /api/cases/{B}/reports                      json  401  200  404  404  404  404  404  400  200  403  403  403  403
            POST /api/reports                                json  401  201  201  201  201  201  201  201  201  403  403  403  403
            POST /api/reports/duplicates                     json  401  200  200  200  200  200  200  200  200  403  403  403  403
            POST /api/reports/links                          json  401  404  404  404  404  404  404  404  404  403  403  403  403
            GET /api/tasks                                   -     401  200  200  200  200  200  200  200  200  200  200  200  403
            GET /api/tasks/{T}                               -     401  403  403  403  200  404  404  404  403  404  404  404  403
            POST /api/tasks/{T}/claim                        -     401  403  403  403  204  404  404  404  403  404  404  404  403
            POST /api/tasks/{T}/unclaim                      -     401  403  403  403  204  404  404  404  403  404  404  404  403
            POST /api/tasks/{T}/complete                     json  401  403  403  403  400  404  404  404  403  404  404  404  403
            GET /api/notifications                           -     401  200  200  200  200  200  200  200  200  200  200  200  403
            GET /api/board                                   -     401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board/compliance?from=2026-01-01&to=2026-12-31  - 401 403 200 200 403 403 403 200 200 200 200  403  403
            GET /api/board/overdue.csv                       -     401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/board/overdue.xlsx                      -     401  403  200  200  403  403  403  200  200  200  200  403  403
            GET /api/models                                  -     401  403  403  403  403  403  403  403  403  200  200  403  403
            POST /api/models/validate                        form  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/models/deployments                     form  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/models/deployments/{X}/redeploy        json  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/models/migrations/preview              json  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/models/migrations                      json  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/models/migrations/result               json  401  403  403  403  403  403  403  403  403  400  400  403  403
            GET /api/models/drafts                           -     401  403  403  403  403  403  403  403  403  200  200  403  403
            GET /api/models/drafts/{R}                       -     401  403  403  403  403  403  403  403  403  200  200  403  403
            PUT /api/models/drafts/{R}                       json  401  403  403  403  403  403  403  403  403  400  400  403  403
            GET /api/models/drafts/{R}/changes               -     401  403  403  403  403  403  403  403  403  200  200  403  403
            POST /api/models/drafts/validate                 json  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/models/drafts/deployments              json  401  403  403  403  403  403  403  403  403  400  400  403  403
            POST /api/account/password                       json  401  400  400  400  400  400  400  400  400  400  400  400  400
            GET /                                            -     302  302  302  302  302  302  302  302  302  302  302  302  302
            GET /login                                       -     200  200  200  200  200  200  200  200  200  200  200  200  200
            GET /tasks                                       -     302  200  200  200  200  200  200  200  200  200  200  200  403
            GET /tasks/{T}                                   -     302  403  403  403  200  404  404  404  403  404  404  404  403
            GET /cases/{A}                                   -     302  200  200  200  200  404  404  404  200  404  404  404  404
            GET /cases/{B}                                   -     302  200  404  404  404  404  404  200  200  404  404  404  404
            GET /board                                       -     302  403  200  200  403  403  403  200  200  200  200  403  403
            GET /reports/new                                 -     302  200  200  200  200  200  200  200  200  403  403  403  403
            POST /reports/new                                form  403  200  200  200  200  200  200  200  200  403  403  403  403
            POST /tasks/{T}/claim                            -     403  302  302  302  302  302  302  302  302  302  302  302  403
            POST /tasks/{T}/unclaim                          -     403  302  302  302  302  302  302  302  302  302  302  302  403
            POST /cases/{A}/documents                        file  403  302  302  302  302  404  404  404  302  404  404  404  404
            POST /cases/{B}/documents                        file  403  302  404  404  404  404  404  302  302  404  404  404  404
            POST /models/rollback?deploymentId={X}           -     403  403  403  403  403  403  403  403  403  302  302  403  403
            POST /models/deploy                              form  403  403  403  403  403  403  403  403  403  200  200  403  403
            POST /models/migration/preview?source={X}&target={X} - 403 403 403 403 403 403 403 403 403 400 400  403  403
            POST /models/migration?source={X}&target={X}     -     403  403  403  403  403  403  403  403  403  400  400  403  403
            GET /account/password                            -     302  200  200  200  200  200  200  200  200  200  200  200  200
            POST /account/password                           form  403  200  200  200  200  200  200  200  200  200  200  200  200
            GET /v3/api-docs                                 -     302  200  200  200  200  200  200  200  200  200  200  200  403
            GET /swagger-ui/index.html                       -     302  200  200  200  200  200  200  200  200  200  200  200  403
            GET /models                                      -     302  403  403  403  403  403  403  403  403  200  200  403  403
            GET /models/edit/{R}                             -     302  403  403  403  403  403  403  403  403  200  200  403  403
            GET /models/migration/result?batch={X}&cases={X}&source={X}&target={X}  - 302  403  403  403  403  403  403  403  403  200  200  403  403
            GET /engine-rest/engine                          -     401  403  403  403  403  403  403  403  403  200  200  403  403
            GET /engine-rest/task                            -     401  403  403  403  403  403  403  403  403  200  200  403  403
            GET /engine-rest/process-instance                -     401  403  403  403  403  403  403  403  403  200  200  403  403
            GET /engine-rest/history/variable-instance       -     401  403  403  403  403  403  403  403  403  200  200  403  403
            POST /engine-rest/task/{T}/complete              json  401  403  403  403  403  403  403  403  403  403  403  403  403
            GET /camunda/app/welcome/default/                -     302  403  403  403  403  403  403  403  403  200  200  403  403
            GET /camunda/api/engine/engine/                  -     302  403  403  403  403  403  403  403  403  200  200  403  403
            GET /reports/quick                               -     302  403  403  403  403  403  403  403  403  403  403  403  200
            POST /reports/quick                              form  403  403  403  403  403  403  403  403  403  403  403  403  200
            POST /api/reports/quick                          json  401  403  403  403  403  403  403  403  403  403  403  403  201
            GET /reports/mine                                -     302  200  200  200  200  200  200  200  200  403  403  403  200
            GET /api/reports/mine                            -     401  200  200  200  200  200  200  200  200  403  403  403  200
            POST /api/cases/{A}/transfers                    json  401  403  400  403  403  404  404  404  403  404  404  404   404
            GET /api/cases/{A}/transfers                     -     401  200  200  200  200  404  404  404  200  404  404  404   404
            GET /api/transfers/incoming                      -     401  403  200  200  403  403  403  200  403  403  403  403   403
            POST /api/cases/{A}/transfers/{X}/accept         -     401  404  404  404  404  404  404  404  404  404  404  404   404
            POST /api/cases/{A}/transfers/{X}/refuse         json  401  404  404  404  404  404  404  404  404  404  404  404   404
            GET /transfers                                   -     302  403  200  200  403  403  403  200  403  403  403  403   403
            POST /cases/{A}/transfer                         form  403  302  302  302  302  404  404  404  302  404  404  404   404
            POST /transfers/{A}/{X}/accept                   -     403  404  404  404  404  404  404  404  404  404  404  404   403
            POST /transfers/{A}/{X}/refuse                   form  403  404  404  404  404  404  404  404  404  404  404  404   403
            POST /api/cases/{A}/separation-requests          -     401  403  400  403  403  404  404  404  403  404  404  404  404
            POST /api/cases/{B}/separation-requests          -     401  403  404  404  404  404  404  400  403  404  404  404  404
            POST /api/cases/{X}/separation-requests          -     401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /api/cases/{A}/separation-extensions        -     401  403  400  400  403  404  404  404  403  404  404  404  404
            POST /cases/{A}/separation-requests              -     403  302  302  302  302  404  404  404  302  404  404  404  404
            POST /cases/{A}/separation-extensions            form  403  403  200  200  403  404  404  404  403  404  404  404  404
            POST /cases/{B}/separation-extensions            form  403  403  404  404  404  404  404  200  403  404  404  404  404
            POST /cases/{X}/separation-extensions            form  403  404  404  404  404  404  404  404  404  404  404  404  404
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
