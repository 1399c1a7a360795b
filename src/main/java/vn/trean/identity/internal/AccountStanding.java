package vn.trean.identity.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks, on every request of a signed-in person, that their account still stands: one primary-key
 * lookup. A disabled account is refused at once on every node — whether the request rides on a session
 * (kept in PostgreSQL, possibly made on another node) or on HTTP Basic credentials remembered by
 * {@link RecentCredentials} — the API gets 401 and the pages go back to the sign-in page. A person with a
 * one-time password may call only the password change: 403 {@code password-change-required} from the API
 * and the engine REST API, and every page sends them to the change-password page. Integrations (API tokens) are not people and are not checked here. Not a bean,
 * so that the servlet container does not also run it outside Spring Security.
 */
final class AccountStanding extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final SignInAnswers answers;
    private final RequestMatcher machineApis;
    private final RequestMatcher passwordChange = withDefaults().matcher("/api/account/password");
    /** What a person with a one-time password may still open among the pages: the change page and what it needs. */
    private final RequestMatcher passwordChangePage = new OrRequestMatcher(withDefaults().matcher("/account/password"),
            withDefaults().matcher("/logout"), withDefaults().matcher("/login"), withDefaults().matcher("/error"),
            withDefaults().matcher("/css/**"), withDefaults().matcher("/js/**"), withDefaults().matcher("/favicon.ico"));

    AccountStanding(JdbcClient jdbc, SignInAnswers answers, RequestMatcher api) {
        this.jdbc = jdbc;
        this.answers = answers;
        this.machineApis = new OrRequestMatcher(api, withDefaults().matcher("/engine-rest/**"));
    }

    /** The pages' styles and scripts: public anyway, not worth a lookup each. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/");
    }

    private record Standing(boolean enabled, boolean mustChangePassword) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Standing standing = jdbc.sql("select enabled, must_change_password from app_user where username = :u")
                .param("u", user.getUsername()).query(Standing.class).optional().orElse(new Standing(false, false));
        if (!standing.enabled()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (machineApis.matches(request)) {
                answers.accountGone(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
            return;
        }
        if (standing.mustChangePassword()) {
            if (machineApis.matches(request) && !passwordChange.matches(request)) {
                answers.passwordChangeRequired(request, response);
                return;
            }
            if (!machineApis.matches(request) && !passwordChangePage.matches(request)) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
