package vn.trean;

/**
 * Administration — agencies, routing rules, people and their import, integration tokens, holidays, API and
 * pages — for anonymous and every role (the callers of {@link MatrixTest}). Only administrators reach it;
 * Hà Nội's province administrator (padm) reaches agencies, routing and people, of Hà Nội only: {Q} (an agency)
 * and {U} (a user) of Quảng Trị answer them as missing. {I} is the demo's integration account, {X} an id that
 * exists nowhere.
 */
class AdministrationMatrixTests extends MatrixTest {

    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/admin/integrations                      -     401  403  403  403  403  403  403  403  403  403  200  403  403
            POST /api/admin/integrations                     json  401  403  403  403  403  403  403  403  403  403  400  403  403
            POST /api/admin/integrations/{I}/tokens          json  401  403  403  403  403  403  403  403  403  403  201  403  403
            POST /api/admin/integrations/{I}/tokens/{X}/revoke - 401  403  403  403  403  403  403  403  403  403  404  403  403
            GET /api/admin/agencies                          -     401  403  403  403  403  403  403  403  403  403  200  200  403
            GET /api/admin/agencies?locality=00004           -     401  403  403  403  403  403  403  403  403  403  200  200  403
            POST /api/admin/agencies                         json  401  403  403  403  403  403  403  403  403  403  400  400  403
            PUT /api/admin/agencies/police-00004             json  401  403  403  403  403  403  403  403  403  403  400  400  403
            POST /api/admin/agencies/{X}/retire              -     401  403  403  403  403  403  403  403  403  403  404  404  403
            POST /api/admin/agencies/police-00004/move-open-tasks json 401 403 403 403 403 403 403 403 403 403  400  400  403
            GET /api/admin/routing                           -     401  403  403  403  403  403  403  403  403  403  200  200  403
            POST /api/admin/routing                          json  401  403  403  403  403  403  403  403  403  403  400  400  403
            PUT /api/admin/routing/0                         json  401  403  403  403  403  403  403  403  403  403  404  404  403
            GET /api/admin/routing/gaps?province=01          -     401  403  403  403  403  403  403  403  403  403  200  200  403
            GET /api/admin/users                             -     401  403  403  403  403  403  403  403  403  403  200  200  403
            GET /api/admin/users?agency=police-00004&role=POLICE  -  401  403  403  403  403  403  403  403  403  403  200  200  403
            POST /api/admin/users                            json  401  403  403  403  403  403  403  403  403  403  400  400  403
            PUT /api/admin/users/{X}                         json  401  403  403  403  403  403  403  403  403  403  400  400  403
            POST /api/admin/users/{X}/disable                -     401  403  403  403  403  403  403  403  403  403  404  404  403
            POST /api/admin/users/{X}/enable                 -     401  403  403  403  403  403  403  403  403  403  404  404  403
            POST /api/admin/users/{X}/reset-password         -     401  403  403  403  403  403  403  403  403  403  404  404  403
            GET /api/admin/agencies/police-00004             -     401  403  403  403  403  403  403  403  403  403  200  200  403
            GET /api/admin/agencies/{Q}                      -     401  403  403  403  403  403  403  403  403  403  200  404  403
            POST /api/admin/agencies/{Q}/retire              -     401  403  403  403  403  403  403  403  403  403  200  404  403
            GET /api/admin/routing/gaps?province=44          -     401  403  403  403  403  403  403  403  403  403  200  400  403
            GET /api/admin/users/officer                     -     401  403  403  403  403  403  403  403  403  403  200  200  403
            GET /api/admin/users/{U}                         -     401  403  403  403  403  403  403  403  403  403  200  404  403
            GET /api/admin/users/admin                       -     401  403  403  403  403  403  403  403  403  403  200  404  403
            POST /api/admin/users/{U}/reset-password         -     401  403  403  403  403  403  403  403  403  403  200  404  403
            GET /api/admin/holidays                          -     401  403  403  403  403  403  403  403  403  403  200  403  403
            GET /api/admin/holidays/2027                     -     401  403  403  403  403  403  403  403  403  403  200  403  403
            PUT /api/admin/holidays/2027                     json  401  403  403  403  403  403  403  403  403  403  400  403  403
            GET /admin/holidays                              -     302  403  403  403  403  403  403  403  403  403  200  403  403
            POST /admin/holidays?year=1999                   form  403  403  403  403  403  403  403  403  403  403  200  403  403
            GET /admin                                       -     302  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/agencies                              -     302  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/agencies?province=01&locality=00004   -     302  403  403  403  403  403  403  403  403  403  200  200  403
            POST /admin/agencies                             form  403  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/agencies/police-00004                 -     302  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/agencies/{X}                          -     302  403  403  403  403  403  403  403  403  403  404  404  403
            GET /admin/agencies/{Q}                          -     302  403  403  403  403  403  403  403  403  403  200  404  403
            POST /admin/agencies/police-00004                form  403  403  403  403  403  403  403  403  403  403  200  200  403
            POST /admin/agencies/{X}/retire                  form  403  403  403  403  403  403  403  403  403  403  404  404  403
            POST /admin/agencies/police-00004/move-open-tasks form 403 403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/routing                               -     302  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/routing?province=01                   -     302  403  403  403  403  403  403  403  403  403  200  200  403
            POST /admin/routing                              form  403  403  403  403  403  403  403  403  403  403  200  200  403
            POST /admin/routing/0/end                        form  403  403  403  403  403  403  403  403  403  403  404  404  403
            GET /api/admin/users/import-template             -     401  403  403  403  403  403  403  403  403  403  200  200  403
            GET /api/admin/users/import-template?format=xlsx -     401  403  403  403  403  403  403  403  403  403  200  200  403
            POST /api/admin/users/import?dryRun=true         form  401  403  403  403  403  403  403  403  403  403  400  400  403
            POST /api/admin/users/import?dryRun=false        form  401  403  403  403  403  403  403  403  403  403  400  400  403
            GET /admin/people                                -     302  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/people?role=POLICE&q=a                -     302  403  403  403  403  403  403  403  403  403  200  200  403
            POST /admin/people                               form  403  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/people/user/{X}                       -     302  403  403  403  403  403  403  403  403  403  404  404  403
            GET /admin/people/user/{U}                       -     302  403  403  403  403  403  403  403  403  403  200  404  403
            POST /admin/people/user/{X}                      form  403  403  403  403  403  403  403  403  403  403  404  404  403
            POST /admin/people/user/{X}/disable              -     403  403  403  403  403  403  403  403  403  403  404  404  403
            POST /admin/people/user/{X}/enable               -     403  403  403  403  403  403  403  403  403  403  404  404  403
            POST /admin/people/user/{X}/reset-password       -     403  403  403  403  403  403  403  403  403  403  404  404  403
            GET /admin/people/import                         -     302  403  403  403  403  403  403  403  403  403  200  200  403
            POST /admin/people/import                        form  403  403  403  403  403  403  403  403  403  403  200  200  403
            GET /admin/integrations                          -     302  403  403  403  403  403  403  403  403  403  200  403  403
            POST /admin/integrations                         form  403  403  403  403  403  403  403  403  403  403  200  403  403
            POST /admin/integrations/{X}/tokens              form  403  403  403  403  403  403  403  403  403  403  404  403  403
            POST /admin/integrations/{I}/tokens/{X}/revoke   -     403  403  403  403  403  403  403  403  403  403  404  403  403
            """;

    @Override
    protected String matrix() {
        return MATRIX;
    }
}
