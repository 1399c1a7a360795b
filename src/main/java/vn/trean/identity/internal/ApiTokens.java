package vn.trean.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The values of API tokens: 32 random bytes, base64url, behind a prefix that secret scanners and people
 * recognise. Stored as SHA-256 only: with 256 random bits a fast hash cannot be reversed or guessed, so
 * the BCrypt a password needs (and its cost on every call) buys nothing here.
 */
final class ApiTokens {

    static final String PREFIX = "trean_";
    private static final int RANDOM_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first characters, shown in lists so that an administrator knows which token is which. */
    static String hint(String token) {
        return token.substring(0, HINT_LENGTH) + "…";
    }

    /** Only well-formed tokens are looked up: anything else is refused without a query. */
    static boolean wellFormed(String token) {
        return token.length() > PREFIX.length() && token.length() <= 100 && token.startsWith(PREFIX)
                && token.chars().skip(PREFIX.length()).allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }
}
