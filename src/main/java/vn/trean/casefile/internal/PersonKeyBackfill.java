package vn.trean.casefile.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every child recorded before the person key existed (V30) its key, at start, a batch at a time. Idempotent:
 * only rows without a key are touched, so two nodes starting together do the same work at worst.
 */
@Component("personKeyBackfill")
class PersonKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final PersonKeys keys;

    PersonKeyBackfill(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions, PersonKeys keys) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        int keyed = 0;
        int done;
        do {
            done = transactions.execute(status -> keyNextBatch());
            keyed += done;
        } while (done == BATCH);
        if (keyed > 0) {
            log.info("Statistics: {} children of earlier cases given their person key", keyed);
        }
    }

    private int keyNextBatch() {
        record Unkeyed(UUID id, String fullName, LocalDate dateOfBirth, Integer estimatedAge, Timestamp receivedAt,
                       String communeCode) {
        }
        List<Unkeyed> rows = jdbc.sql("""
                        select ch.id, ch.full_name, ch.date_of_birth, ch.estimated_age, c.received_at, c.commune_code
                        from child ch join case_file c on c.id = ch.case_id
                        where ch.person_key is null limit %d for update of ch skip locked""".formatted(BATCH))
                .query(Unkeyed.class).list();
        batch.batchUpdate("update child set person_key = ? where id = ?", rows.stream()
                .map(r -> new Object[] {keys.of(r.fullName(), r.dateOfBirth(), r.estimatedAge(),
                        r.receivedAt().toInstant(), r.communeCode()), r.id()})
                .toList());
        return rows.size();
    }
}
