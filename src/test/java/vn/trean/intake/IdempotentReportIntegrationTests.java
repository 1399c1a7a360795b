package vn.trean.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.trean.ApiIntegrationTest;

/** Issue 7, item 12: a hotline integration that times out and retries never files the same report twice. */
class IdempotentReportIntegrationTests extends ApiIntegrationTest {

    @Test
    void retryWithTheSameKeyAndBodyGetsTheFirstAnswerAndOpensNoSecondCase() {
        String key = "hotline-" + UUID.randomUUID();
        var report = report(COMMUNE_A, Instant.now(), "Ngô Thị Lan");
        int cases = count("select count(*) from case_file");

        var first = as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", report).expect(201);
        var retry = as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", report).expect(201);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(count("select count(*) from case_file")).isEqualTo(cases + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String key = "hotline-" + UUID.randomUUID();
        as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", report(COMMUNE_A, Instant.now(), "Hà Văn Tú"))
                .expect(201);
        int cases = count("select count(*) from case_file");

        var conflict = as("hotline").withHeader("Idempotency-Key", key)
                .post("/api/reports", report(COMMUNE_A, Instant.now(), "Hà Văn Tư")).expect(409);

        assertThat(conflict.body().get("code").asText()).isEqualTo("idempotency-key-reused");
        assertThat(count("select count(*) from case_file")).isEqualTo(cases);
    }

    @Test
    void concurrentRetriesWithOneKeyFileOneCase() throws Exception {
        String key = "hotline-" + UUID.randomUUID();
        var report = report(COMMUNE_A, Instant.now(), "Mai Thị Hồng");
        int cases = count("select count(*) from case_file");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Response> send = () -> as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", report);
            List<Future<Response>> answers = pool.invokeAll(List.of(send, send, send, send));
            for (Future<Response> answer : answers) {
                Response response = answer.get().expect(201);
                assertThat(response.body().get("id")).isEqualTo(answers.get(0).get().body().get("id"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from case_file")).isEqualTo(cases + 1);
    }

    @Test
    void keysBelongToTheUserWhoSentThem() {
        String key = "shared-" + UUID.randomUUID();
        var report = report(COMMUNE_A, Instant.now(), "Vũ Văn Hải");
        var byHotline = as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", report).expect(201);
        var byOfficer = as("officer").withHeader("Idempotency-Key", key).post("/api/reports", report).expect(201);
        assertThat(byOfficer.body().get("id")).isNotEqualTo(byHotline.body().get("id"));
    }

    @Test
    void aRefusedReportKeepsNoKeySoTheCorrectedRetryIsFiled() {
        String key = "hotline-" + UUID.randomUUID();
        var invalid = report(COMMUNE_A, Instant.now(), "Lò Văn Sính");
        invalid.remove("place");
        as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", invalid).expect(400);
        assertThat(count("select count(*) from idempotent_request where key = ?", key)).isZero();

        as("hotline").withHeader("Idempotency-Key", key).post("/api/reports", report(COMMUNE_A, Instant.now(), "Lò Văn Sính"))
                .expect(201);
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        int cases = count("select count(*) from case_file");
        var refused = as("hotline").withHeader("Idempotency-Key", "bad key with spaces")
                .post("/api/reports", report(COMMUNE_A, Instant.now(), "Lương Thị Thu")).expect(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(count("select count(*) from case_file")).isEqualTo(cases);
    }

    @Test
    void aRetriedLinkAddsTheReportOnce() {
        UUID caseId = fileReport(COMMUNE_A, Instant.now());
        String key = "link-" + UUID.randomUUID();
        Map<String, Object> report = report(COMMUNE_A, Instant.now(), "Nguyễn Thị Hoà");
        int reports = count("select count(*) from report where case_id = ?", caseId);

        var first = as("hotline").withHeader("Idempotency-Key", key).post("/api/cases/" + caseId + "/reports", report)
                .expect(200);
        var retry = as("hotline").withHeader("Idempotency-Key", key).post("/api/cases/" + caseId + "/reports", report)
                .expect(200);

        assertThat(retry.body()).as("the first answer again").isEqualTo(first.body());
        assertThat(first.body().get("communeCode").asText()).isEqualTo(COMMUNE_A);

        assertThat(count("select count(*) from report where case_id = ?", caseId)).isEqualTo(reports + 1);
    }
}
