package vn.trean.identity.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Path-pattern matchers throughout: a plain string matcher let anonymous calls
 * through to the engine REST API, which is served by Jersey rather than Spring MVC (STACK.md, trap 1).
 */
@Configuration
class SecurityConfiguration {

    private static final String[] ENGINE_TOOL_ROLES = {"ADMIN", "PROCESS_OWNER"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher machineApis = new OrRequestMatcher(
                withDefaults().matcher("/api/**"), withDefaults().matcher("/engine-rest/**"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/engine-rest/**")).hasAnyRole(ENGINE_TOOL_ROLES)
                        .requestMatchers(withDefaults().matcher("/camunda/**")).hasAnyRole(ENGINE_TOOL_ROLES)
                        // the models API is the process owners' and administrators': refused before any input is read
                        .requestMatchers(withDefaults().matcher("/api/models/**")).hasAnyRole(ENGINE_TOOL_ROLES)
                        .requestMatchers(withDefaults().matcher("/v3/api-docs/**"), withDefaults().matcher("/swagger-ui/**"),
                                withDefaults().matcher("/swagger-ui.html"), withDefaults().matcher("/login"),
                                withDefaults().matcher("/error")).permitAll()
                        // the pages' styles and scripts: the login page needs them before anyone signs in
                        .requestMatchers(withDefaults().matcher("/css/**"), withDefaults().matcher("/js/**"),
                                withDefaults().matcher("/favicon.ico")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Tre An"))
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), machineApis)
                        .defaultAccessDeniedHandlerFor(SecurityConfiguration::forbidden, machineApis))
                // API clients authenticate each call (HTTP Basic); the Camunda webapps bring their own CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(machineApis, withDefaults().matcher("/camunda/**")));
        return http.build();
    }

    /** A locked account is told so (it is locked whatever password is typed); any other failure says only that it failed. */
    private static AuthenticationFailureHandler loginFailure() {
        var handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return handler;
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
