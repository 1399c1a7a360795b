package vn.trean.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API. An unknown, revoked or expired token gets one and the
 * same 401; a valid token outside its scopes gets 403 here, the one place scopes are enforced; otherwise
 * the request goes on as the integration, and the role's rules apply as for a person. Elsewhere (pages,
 * the engine REST API, the Camunda webapps) a bearer token is not a credential: the request stays
 * anonymous. Not a bean, so that the servlet container does not also run it outside Spring Security.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final IntegrationAccounts accounts;
    private final SignInAnswers answers;
    private final RequestMatcher api;

    ApiTokenFilter(IntegrationAccounts accounts, SignInAnswers answers, RequestMatcher api) {
        this.accounts = accounts;
        this.answers = answers;
        this.api = api;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hasBearer(request) || !api.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
        var caller = accounts.authenticate(token);
        if (caller.isEmpty()) {
            answers.invalidToken(request, response);
            return;
        }
        if (!ApiScope.anyCovers(caller.get().scopes(), request)) {
            answers.outOfScope(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
