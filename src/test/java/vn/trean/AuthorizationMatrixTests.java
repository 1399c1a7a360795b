package vn.trean;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint — the API, the pages, the engine REST API and the Camunda webapps — for anonymous and
 * every role, against a case each caller may or may not know, with the status each must get. One
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
 * reports; a link to a case they have no part in answers as a missing case.
 *
 * <p>Requests that would change something are sent so that an allowed caller is refused by a check
 * that comes after the authorization (an empty form, an unknown match reference), or change only test
 * data (a new report, a linked report, an uploaded document).
 */
class AuthorizationMatrixTests extends ApiIntegrationTest {

    private static final List<String> CALLERS = List.of("anonymous", "hotline", "officer", "chairman", "police",
            "teacher", "health", "officer.ngocha", "supervisor", "owner", "admin", "admin.hanoi", "ctv.badinh");

    /*
     * Cells: the HTTP status. 302 = sent to the sign-in page (pages, webapps), or a page's answer to a form
     * post. 401 = the API's answer to anonymous callers. An anonymous form post has no CSRF token: 403.
     * 404 on a case = "hidden or missing", the same answer for both.
     * Body: - none; json = a JSON body suited to the request; form = an empty multipart form; file = a PDF.
     */
    private static final String MATRIX = """
            # request                                        body  anon hotl offi chai poli teac heal ngoc supe ownr admn padm  ctv
            GET /api/cases/{A}                               -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{B}                               -     401  200  404  404  404  404  404  200  200  404  404  404  404
            GET /api/cases/{X}                               -     401  404  404  404  404  404  404  404  404  404  404  404  404
            POST /api/cases/{A}/reopen                       -     401  409  409  409  409  404  404  404  409  404  404  404  404
            GET /api/cases/{A}/breaches                      -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{A}/documents                     -     401  200  200  200  200  404  404  404  200  404  404  404  404
            GET /api/cases/{A}/documents/{D}                 -     401  404  200  200  404  404  404  404  200  404  404  404  404
            POST /api/cases/{A}/documents                    file  401  201  201  201  201  404  404  404  201  404  404  404  404
            POST /api/cases/{A}/reports                      json  401  204  204  204  204  404  404  404  204  403  403  403  403
            POST /api/cases/{B}/reports                      json  401  400  404  404  404  404  404  400  400  403  403  403  403
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
            """;

    @Test
    void everyCallerGetsExactlyTheAnswerTheMatrixGivesForEveryEndpoint() {
        Map<String, String> ids = fixture();
        List<String> mismatches = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            String method = cells[0];
            String path = substitute(cells[1], ids);
            String body = cells[2];
            assertThat(cells).as("row %s has a cell per caller", cells[1]).hasSize(3 + CALLERS.size());
            for (int i = 0; i < CALLERS.size(); i++) {
                int expected = Integer.parseInt(cells[3 + i]);
                int actual = send(CALLERS.get(i), method, path, body);
                if (actual != expected) {
                    mismatches.add("%-6s %-52s %-15s expected %d, got %d".formatted(method, cells[1], CALLERS.get(i),
                            expected, actual));
                }
            }
        }
        assertThat(mismatches).as("cells that differ from the matrix").isEmpty();
    }

    /** Creates the cases, the task and the document the matrix names. */
    private Map<String, String> fixture() {
        UUID caseA = caseWithAPoliceMeasure();
        UUID caseB = fileReport(COMMUNE_B, Instant.now());
        String policeTask = taskOf("police", caseA, "implement_measure").get("taskId").asText();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        var uploaded = multipart("officer", "/api/cases/" + caseA + "/documents", Map.of(), "file",
                Map.of("giám định.pdf", pdf));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String document;
        try {
            document = json.readTree(uploaded.body()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> ids = new HashMap<>();
        ids.put("A", caseA.toString());
        ids.put("B", caseB.toString());
        ids.put("T", policeTask);
        ids.put("D", document);
        ids.put("X", UUID.randomUUID().toString());
        ids.put("R", "case_intervention.bpmn");
        // the demo's hotline system (an integration account): an administrator may issue it a token
        // an agency and a user of Quảng Trị, which Hà Nội's province administrator may not know
        String quangTriAgency = as("admin").post("/api/admin/agencies", Map.of("kind", "PEOPLES_COMMITTEE",
                "name", "UBND phường Đồng Hới", "localityCode", "18880")).expect(201).body().get("id").asText();
        String quangTriUser = "matrix.qt." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new HashMap<>();
        user.put("username", quangTriUser);
        user.put("displayName", "Chủ tịch UBND phường Đồng Hới");
        user.put("role", "COMMUNE_CHAIRMAN");
        user.put("agencyId", quangTriAgency);
        as("admin").post("/api/admin/users", user).expect(201);
        ids.put("Q", quangTriAgency);
        ids.put("U", quangTriUser);
        ids.put("I", jdbc.sql("select id::text from integration_account where name = 'hotline-system'").query(String.class)
                .single());
        return ids;
    }

    private static String substitute(String path, Map<String, String> ids) {
        String result = path;
        for (var id : ids.entrySet()) {
            result = result.replace("{" + id.getKey() + "}", id.getValue());
        }
        return result;
    }

    private int send(String caller, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json, text/html;q=0.5");
        if (!"anonymous".equals(caller)) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((caller + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        switch (body) {
            case "json" -> request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBodyFor(path)));
            case "form", "file" -> {
                String boundary = "matrix" + UUID.randomUUID();
                String part = "file".equals(body)
                        ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.pdf\"\r\n"
                                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n"
                        : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nmatrix\r\n";
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .method(method, HttpRequest.BodyPublishers.ofString(part + "--" + boundary + "--\r\n"));
            }
            default -> request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid report where the request files or links one; otherwise an empty object. */
    private String jsonBodyFor(String path) {
        try {
            if (path.equals("/api/reports") || path.equals("/api/reports/duplicates") || path.endsWith("/reports")) {
                return json.writeValueAsString(report(COMMUNE_A, Instant.now(), "Nguyễn Thị Hoà"));
            }
            if (path.equals("/api/reports/quick")) {
                return json.writeValueAsString(Map.of("whatHappened", "Ma trận quyền: trẻ bị bỏ mặc", "ageRange",
                        "AGE_6_TO_10", "place", "Tổ dân phố 3", "urgent", false, "learnedAt", Instant.now().toString()));
            }
            if (path.equals("/api/reports/links")) {
                return json.writeValueAsString(Map.of("matchRef", UUID.randomUUID().toString(),
                        "report", report(COMMUNE_A, Instant.now(), "Nguyễn Thị Hoà")));
            }
            return "{}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
