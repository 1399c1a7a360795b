package vn.trean.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that says what a password must be: at least {@value #MIN_LENGTH} characters, not containing
 * the user name, not one of the passwords leaked lists show most (a short list shipped as a resource,
 * {@code identity/common-passwords.txt}), compared without regard to case. Also makes the one-time
 * passwords an administrator hands out.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 200;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The rule {@code password} breaks, as a field message code; empty when it is acceptable. */
    static Optional<String> broken(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password-too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password-too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password-contains-username");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password-common");
        }
        return Optional.empty();
    }

    /** 20 characters from an alphabet without look-alikes (0/O, 1/l/I): about 116 bits. */
    static String oneTimePassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static Set<String> load() {
        var stream = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
