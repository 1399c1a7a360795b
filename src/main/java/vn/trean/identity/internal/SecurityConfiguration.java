package vn.trean.identity.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.trean.identity.Role;

/**
 * Who may reach what. Path-pattern matchers throughout: a plain string matcher let anonymous calls
 * through to the engine REST API, which is served by Jersey rather than Spring MVC (STACK.md, trap 1).
 */
@Configuration
class SecurityConfiguration {

    private static final String[] ENGINE_TOOL_ROLES = {"ADMIN", "PROCESS_OWNER"};
    private static final String[] ADMINISTRATOR_ROLES = {"ADMIN", "PROVINCE_ADMIN"};
    private static final String REALM = "Tre An";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    /**
     * Scripts only from our own origin (the pages have no inline script nor inline event handler).
     * Inline styles stay allowed: the model editor (bpmn-js, dmn-js) and form-js write style attributes
     * into the markup they build, and a style cannot run code.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    private final SignInAnswers answers;
    private final IntegrationAccounts integrations;
    private final JdbcClient jdbc;

    SecurityConfiguration(SignInAnswers answers, IntegrationAccounts integrations, JdbcClient jdbc) {
        this.answers = answers;
        this.integrations = integrations;
        this.jdbc = jdbc;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher machineApis = new OrRequestMatcher(
                withDefaults().matcher("/api/**"), withDefaults().matcher("/engine-rest/**"));
        RequestMatcher camundaWebapps = withDefaults().matcher("/camunda/**");
        RequestMatcher api = withDefaults().matcher("/api/**");
        RequestCache pagesOpened = pagesOpened();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/engine-rest/**")).hasAnyRole(ENGINE_TOOL_ROLES)
                        .requestMatchers(camundaWebapps).hasAnyRole(ENGINE_TOOL_ROLES)
                        // the models API is the process owners' and administrators': refused before any input is read
                        .requestMatchers(withDefaults().matcher("/api/models/**")).hasAnyRole(ENGINE_TOOL_ROLES)
                        // agencies, routing rules and people: province administrators too, kept to their province
                        // by the services (issue 8, items 2-4); everything else of administration (integration
                        // accounts and their tokens, item 5) is the installation's administrators' only
                        .requestMatchers(provinceAdministration()).hasAnyRole(ADMINISTRATOR_ROLES)
                        .requestMatchers(withDefaults().matcher("/api/admin/**"), withDefaults().matcher("/admin/**"))
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(withDefaults().matcher("/reports/new")).hasAnyRole(rolesThatFileReports())
                        // the short form is the village collaborators' (issue 9, item 5); the list of one's own
                        // filed reports is everyone's who files
                        .requestMatchers(withDefaults().matcher("/reports/quick"), withDefaults().matcher("/api/reports/quick"))
                        .hasRole(Role.COLLABORATOR.name())
                        .requestMatchers(withDefaults().matcher("/reports/mine"), withDefaults().matcher("/api/reports/mine"))
                        .hasAnyRole(rolesThatFileAnyReport())
                        .requestMatchers(withDefaults().matcher("/login"), withDefaults().matcher("/error")).permitAll()
                        // the pages' styles and scripts: the login page needs them before anyone signs in
                        .requestMatchers(withDefaults().matcher("/css/**"), withDefaults().matcher("/js/**"),
                                withDefaults().matcher("/favicon.ico")).permitAll()
                        // the service worker's script (issue 11, item 4): a browser may re-fetch it after the session ended
                        .requestMatchers(withDefaults().matcher("/sw.js")).permitAll()
                        // the API's documentation included: it maps every door of the system
                        .anyRequest().authenticated())
                // integrations: an API token instead of a password, on the API only
                .addFilterBefore(new ApiTokenFilter(integrations, answers, api), BasicAuthenticationFilter.class)
                // a disabled person is out at once; a one-time password must be changed first (issue 8, item 4)
                .addFilterAfter(new AccountStanding(jdbc, answers, api), AnonymousAuthenticationFilter.class)
                // a village collaborator reaches their own pages only (issue 9, item 5)
                .addFilterAfter(new CollaboratorFence(), ExceptionTranslationFilter.class)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(answers.basic(REALM)))
                .requestCache(cache -> cache.requestCache(pagesOpened))
                .formLogin(form -> form.loginPage("/login").successHandler(answers.signedIn(pagesOpened))
                        .failureHandler(answers.loginForm()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout")
                        // drafts, unsent forms and kept task pages are the person's: none stays on the device
                        // for whoever uses it next (issue 11, items 3 and 4; the pages' scripts clear too)
                        .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                                ClearSiteDataHeaderWriter.Directive.STORAGE, ClearSiteDataHeaderWriter.Directive.CACHE))))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), machineApis)
                        .defaultAccessDeniedHandlerFor(SecurityConfiguration::forbidden, machineApis)
                        .defaultAccessDeniedHandlerFor(SecurityConfiguration::forbiddenPage, camundaWebapps))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> csrfRequired(request, machineApis, camundaWebapps, api)))
                .headers(headers -> headers
                        // the Camunda webapps send a policy of their own; two policies would both apply
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camundaWebapps),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
        return http.build();
    }

    /**
     * A state-changing request needs the CSRF token when the browser's session cookie may be what
     * authenticates it. Not needed: a call that carries its own credentials (HTTP Basic: a browser
     * never adds it to a request another site makes; an API token likewise), an API call with no session at all (nothing a
     * forged request could ride on; it gets its 401), and the Camunda webapps, which check a CSRF
     * token of their own.
     */
    private static boolean csrfRequired(HttpServletRequest request, RequestMatcher machineApis,
                                        RequestMatcher camundaWebapps, RequestMatcher api) {
        if (SAFE_METHODS.contains(request.getMethod()) || camundaWebapps.matches(request)) {
            return false;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        // a bearer token authenticates the API call by itself (or the call is refused): no cookie to ride on
        if (ApiTokenFilter.hasBearer(request) && api.matches(request)) {
            return false;
        }
        // an API call whose session has ended rides on nothing either: it gets its 401 (the task page then says
        // the session expired and keeps the typed values), not a 403 for the token of a session that is gone
        return !(machineApis.matches(request) && !request.isRequestedSessionIdValid());
    }

    /**
     * What the session remembers to return to after signing in: a page the person opened (a navigation), not a
     * script's or service worker's request made meanwhile, and never an API call (which gets its 401).
     */
    private static RequestCache pagesOpened() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && Optional.ofNullable(request.getHeader("Sec-Fetch-Mode")).orElse("navigate").equals("navigate")
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/"));
        return cache;
    }

    /** What a province administrator may reach: the API and the pages of agencies, routing and people. */
    private static RequestMatcher provinceAdministration() {
        return new OrRequestMatcher(Arrays.stream(new String[] {
                "/api/admin/agencies", "/api/admin/agencies/**", "/api/admin/routing", "/api/admin/routing/**",
                "/api/admin/users", "/api/admin/users/**", "/admin", "/admin/agencies", "/admin/agencies/**",
                "/admin/routing", "/admin/routing/**", "/admin/people", "/admin/people/**"})
                .map(path -> (RequestMatcher) withDefaults().matcher(path)).toList());
    }

    private static String[] rolesThatFileReports() {
        return Arrays.stream(Role.values()).filter(Role::receivesReports).map(Role::name).toArray(String[]::new);
    }

    private static String[] rolesThatFileAnyReport() {
        return Arrays.stream(Role.values()).filter(r -> r.receivesReports() || r.filesQuickReports()).map(Role::name)
                .toArray(String[]::new);
    }

    /**
     * Answers 403 directly. The default handler forwards to the error page, which fails on a multipart
     * request to the engine REST API (its servlet has no multipart configuration) and turns 403 into 500.
     */
    private static void forbidden(jakarta.servlet.http.HttpServletRequest request,
                                  jakarta.servlet.http.HttpServletResponse response,
                                  org.springframework.security.access.AccessDeniedException denied) throws java.io.IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("""
                {"type":"https://trean.vn/problems/forbidden","title":"Không có quyền / Forbidden","status":403,\
                "detail":"Vai trò của bạn không được dùng chức năng này. / Your role may not use this.","code":"forbidden"}""");
    }

    /** The engine's webapps are pages: a role that may not use them gets the app's 403 page (HTML), not JSON. */
    private static void forbiddenPage(jakarta.servlet.http.HttpServletRequest request,
                                      jakarta.servlet.http.HttpServletResponse response,
                                      org.springframework.security.access.AccessDeniedException denied)
            throws java.io.IOException, jakarta.servlet.ServletException {
        request.getRequestDispatcher("/forbidden").forward(request, response);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The only authentication provider, so Spring Security builds no other from the UserDetailsService. */
    @Bean
    AuthenticationProvider signIn(UserDetailsService users, PasswordEncoder passwordEncoder,
                                  @Value("${trean.security.sign-in.attempts-per-address}") int attemptsPerAddress,
                                  @Value("${trean.security.sign-in.attempts-window}") Duration attemptsWindow,
                                  @Value("${trean.security.sign-in.delay-from-failure}") int delayFromFailure,
                                  @Value("${trean.security.sign-in.first-delay}") Duration firstDelay,
                                  @Value("${trean.security.sign-in.max-delay}") Duration maxDelay,
                                  @Value("${trean.security.sign-in.forget-failures-after}") Duration forgetAfter,
                                  RecentCredentials recentCredentials) {
        return new ThrottledSignIn(passwordCheck(users, passwordEncoder), new AttemptBudget(attemptsPerAddress, attemptsWindow),
                new FailureDelays(delayFromFailure, firstDelay, maxDelay, forgetAfter), recentCredentials,
                Clock.systemUTC());
    }

    /** A bean so that a password change or a disabled account can clear the user's remembered credentials. */
    @Bean
    RecentCredentials recentCredentials(@Value("${trean.security.sign-in.remember-credentials-for}") Duration rememberFor) {
        return new RecentCredentials(rememberFor);
    }

    /**
     * The password check. An unknown user name is checked against a dummy hash (the provider's default,
     * kept on purpose: same time, same answer); every account check runs after the password check, so a
     * disabled account also costs the same BCrypt time and gets the same answer as a wrong password.
     */
    static DaoAuthenticationProvider passwordCheck(UserDetailsService users, PasswordEncoder passwordEncoder) {
        var passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setHideUserNotFoundExceptions(true);
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return passwords;
    }
}
