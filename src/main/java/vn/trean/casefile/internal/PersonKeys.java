package vn.trean.casefile.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pseudonymous key of a child ({@code child.person_key}), so that the statistics count one child in two cases
 * once without a name: HMAC-SHA256, keyed by {@code trean.statistics.person-key-secret}, of the folded name (tone
 * marks, letter case and spacing ignored), the date of birth — or, when only an age was estimated, the estimated
 * year of birth — and the commune the case was opened in. Without the secret the key cannot be traced back to a
 * name by trying names.
 */
@Component
class PersonKeys {

    /** The development default; an installation without the demo must set its own secret. */
    static final String DEVELOPMENT_SECRET = "tre-an-development-person-key-secret";

    private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SecretKeySpec secret;

    PersonKeys(@Value("${trean.statistics.person-key-secret}") String secret,
               @Value("${trean.demo.enabled:true}") boolean demo) {
        // an empty value (docker-compose.yml passes one when it is not set) is the development secret too
        String key = secret == null || secret.isBlank() ? DEVELOPMENT_SECRET : secret;
        if (!demo && DEVELOPMENT_SECRET.equals(key)) {
            log.warn("The children's statistical keys use the development secret: set TREAN_STATISTICS_PERSON_KEY_SECRET");
        }
        this.secret = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param receivedAt when the case's report was received: an estimated age counts back from its year
     */
    String of(String fullName, LocalDate dateOfBirth, Integer estimatedAge, Instant receivedAt, String communeCode) {
        String born = dateOfBirth != null ? dateOfBirth.toString()
                : estimatedAge == null ? "?" : "~" + (receivedAt.atZone(VIETNAM).getYear() - estimatedAge);
        String identity = VietnameseText.fold(fullName) + "\n" + born + "\n" + communeCode;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
