package vn.trean.reporting.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A child's pseudonym in the export: HMAC-SHA256 of the child's identity under the installation's secret key, the
 * first 128 bits in hex. The same child gets the same pseudonym in every export of this installation; without the key
 * nobody can tell whose it is, nor test a guessed name against it.
 */
@Component
class Pseudonyms {

    static final int MIN_SECRET_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int BYTES = 16;

    private final ExportSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile SecretKeySpec key;

    Pseudonyms(ExportSettings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
        String configured = settings.pseudonymSecret();
        if (configured != null && !configured.isBlank() && configured.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("trean.export.pseudonym-secret (TREAN_EXPORT_PSEUDONYM_SECRET) must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        this.settings = settings;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String of(String childIdentity) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            byte[] hash = mac.doFinal(childIdentity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            String configured = settings.pseudonymSecret();
            String secret = configured != null && !configured.isBlank() ? configured : storedSecret();
            key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        }
        return key;
    }

    /**
     * The key generated at the first export of an installation that configures none; every node reads the same. In a
     * transaction of its own: the export's is read-only.
     */
    private String storedSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return ownTransaction.execute(status -> {
            jdbc.sql("insert into export_pseudonym_key (id, secret) values (1, :s) on conflict (id) do nothing")
                    .param("s", Base64.getEncoder().encodeToString(random)).update();
            return jdbc.sql("select secret from export_pseudonym_key where id = 1").query(String.class).single();
        });
    }
}
