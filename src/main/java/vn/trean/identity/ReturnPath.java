package vn.trean.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a sign-in returns to (issue 11, item 3): a page of this site, given as the {@code next} parameter of the
 * sign-in form. Only a path of this site is honoured — never an address of another ("//host", "/\host", "https:"),
 * never the sign-in or sign-out itself — so the parameter cannot be used to send a person elsewhere after they
 * typed their password (an open redirect).
 */
public final class ReturnPath {

    /** The parameter of the sign-in page and form that carries the path. */
    public static final String PARAMETER = "next";

    private static final int MAX_LENGTH = 512;
    /** A path and an optional query of printable ASCII (a browser sends a path percent-encoded); no fragment. */
    private static final Pattern SAME_SITE = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e&&[^\\\\#]]*");

    private ReturnPath() {
    }

    /** The path when it is a page of this site a person may be returned to; empty for anything else. */
    public static Optional<String> of(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH || !SAME_SITE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        String path = candidate.split("\\?", 2)[0];
        if (path.equals("/login") || path.equals("/logout") || path.startsWith("/api/")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
