package vn.trean.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.trean.identity.UserDirectory;
import vn.trean.problem.ApiProblem;
import vn.trean.problem.InvalidFieldsProblem;

/**
 * The {@code Idempotency-Key} of a receiving point's request: a retry with the same key and the same
 * body gets the first answer instead of a second case; the same key with another body is a conflict.
 *
 * <p>The key is claimed by inserting its row in the transaction that does the work, before the work:
 * a concurrent retry waits on that row until the first commits (then replays its answer) or rolls back
 * (then does the work itself). So an answer is stored exactly when its work committed, and a refused
 * request (4xx) leaves no key behind. Keys belong to the user who sent them.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final UserDirectory users;
    private final Duration keepFor;

    IdempotentRequests(JdbcClient jdbc, ObjectMapper json, UserDirectory users,
                       @Value("${trean.intake.idempotency-keys-kept-for}") Duration keepFor) {
        this.jdbc = jdbc;
        this.json = json;
        this.users = users;
        this.keepFor = keepFor;
    }

    /** What the work answered: its status, its Location if any, and its body (null for none). */
    public record Answer(int status, URI location, Object body) {
    }

    /**
     * Runs {@code work} once per key: without a key, every call runs it. {@code endpoint} and
     * {@code request} make the fingerprint a retry must match.
     */
    @Transactional
    public ResponseEntity<Object> once(String key, String endpoint, Object request, Supplier<Answer> work) {
        if (key == null) {
            return toResponse(work.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFieldsProblem(List.of(new InvalidFieldsProblem.Violation(HEADER, "idempotency-key")));
        }
        String username = users.requireCurrent().username();
        byte[] fingerprint = fingerprint(endpoint, request);
        boolean claimed = jdbc.sql("""
                        insert into idempotent_request (username, key, endpoint, request_hash, status, created_at)
                        values (:u, :k, :e, :h, 0, now()) on conflict (username, key) do nothing""")
                .param("u", username).param("k", key).param("e", endpoint).param("h", fingerprint).update() == 1;
        if (!claimed) {
            return replay(username, key, fingerprint);
        }
        Answer answer = work.get();
        jdbc.sql("""
                        update idempotent_request set status = :s, location = :l, response_body = :b
                        where username = :u and key = :k""")
                .param("s", answer.status()).param("l", answer.location() == null ? null : answer.location().toString())
                .param("b", answer.body() == null ? null : write(answer.body())).param("u", username).param("k", key)
                .update();
        return toResponse(answer);
    }

    private ResponseEntity<Object> replay(String username, String key, byte[] fingerprint) {
        record Stored(byte[] requestHash, int status, String location, String responseBody) {
        }
        Stored stored = jdbc.sql("""
                        select request_hash, status, location, response_body from idempotent_request
                        where username = :u and key = :k""")
                .param("u", username).param("k", key).query(Stored.class).single();
        if (!Arrays.equals(stored.requestHash(), fingerprint)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused");
        }
        JsonNode body = stored.responseBody() == null ? null : read(stored.responseBody());
        return toResponse(new Answer(stored.status(), stored.location() == null ? null : URI.create(stored.location()),
                body));
    }

    /** Keys are kept at least as long as a client may retry (24 h is promised; the default keeps 48 h). */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    @Transactional
    public void forgetOldKeys() {
        jdbc.sql("delete from idempotent_request where created_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(keepFor))).update();
    }

    private static ResponseEntity<Object> toResponse(Answer answer) {
        var response = ResponseEntity.status(answer.status());
        if (answer.location() != null) {
            response.location(answer.location());
        }
        return answer.body() == null ? response.build() : response.body(answer.body());
    }

    private byte[] fingerprint(String endpoint, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(endpoint.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(json.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a request", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store an answer", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer is not JSON", e);
        }
    }
}
