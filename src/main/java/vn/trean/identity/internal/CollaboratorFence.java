package vn.trean.identity.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.trean.identity.Role;

/**
 * A village collaborator (issue 9, item 5) reaches only what is theirs: the short report form, the list of
 * the reports they filed, their password and sign-out. Everything else is refused (403) before any
 * controller runs — an allowlist, so that a page added later is closed to them until someone opens it on
 * purpose. The case paths pass through on purpose: a case answers "hidden or missing" (404) by the
 * need-to-know rule, the same as to anyone who has no part in it, and a collaborator never reads a case file.
 * Runs after the exception translation, so its refusal is answered like any other 403 (a problem from the
 * API, the error page for a page). Not a bean: it belongs to the security chain only.
 */
final class CollaboratorFence extends OncePerRequestFilter {

    private static final String AUTHORITY = "ROLE_" + Role.COLLABORATOR.name();

    private final RequestMatcher allowed = new OrRequestMatcher(Arrays.stream(new String[] {
            "/", "/login", "/logout", "/error", "/css/**", "/js/**", "/favicon.ico",
            "/reports/quick", "/reports/mine", "/api/reports/quick", "/api/reports/mine",
            "/account/password", "/api/account/password", "/cases/**", "/api/cases/**"})
            .map(path -> (RequestMatcher) withDefaults().matcher(path)).toList());

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean collaborator = authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
        if (collaborator && !allowed.matches(request)) {
            throw new AccessDeniedException("outside a collaborator's pages");
        }
        chain.doFilter(request, response);
    }
}
