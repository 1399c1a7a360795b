package vn.trean.identity.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import vn.trean.identity.ReturnPath;

/**
 * What a failed sign-in answers. Every failure but a spent attempt budget gives one and the same answer
 * (a wrong password, an unknown user, a disabled account, a pair still waiting after wrong passwords),
 * so the answer tells nothing about which user names exist. A spent budget answers 429 with Retry-After.
 */
@Component
class SignInAnswers {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final ObjectMapper json;

    SignInAnswers(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The login page: back to the form with the one message for every failure. */
    AuthenticationFailureHandler loginForm() {
        return (request, response, failure) -> {
            if (failure instanceof SignInRefused refused) {
                tooManyAttempts(request, response, refused);
            } else {
                // the page the person was going back to stays the form's, for the next attempt
                String next = ReturnPath.of(request.getParameter(ReturnPath.PARAMETER))
                        .map(path -> "&" + ReturnPath.PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                        .orElse("");
                response.sendRedirect(request.getContextPath() + "/login?error" + next);
            }
        };
    }

    /**
     * Signed in through the form: to the page the sign-in was asked from when the form names one of this site
     * (a task form whose session expired, issue 11 item 3), else to the page the browser last tried to open,
     * else to the person's home. The named page wins over the remembered one: a page's background requests
     * after the session ended could have replaced what the session remembers.
     */
    AuthenticationSuccessHandler signedIn(RequestCache requests) {
        var remembered = new SavedRequestAwareAuthenticationSuccessHandler();
        remembered.setRequestCache(requests);
        return (request, response, authentication) -> {
            Optional<String> next = ReturnPath.of(request.getParameter(ReturnPath.PARAMETER));
            if (next.isEmpty()) {
                remembered.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            requests.removeRequest(request, response);
            response.sendRedirect(request.getContextPath() + next.get());
        };
    }

    /** HTTP Basic: 401 with the realm and a fixed problem body. */
    AuthenticationEntryPoint basic(String realm) {
        return (request, response, failure) -> {
            if (failure instanceof SignInRefused refused) {
                tooManyAttempts(request, response, refused);
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
                write(request, response, HttpStatus.UNAUTHORIZED, "sign-in-failed");
            }
        };
    }

    /** A bearer token that is unknown, revoked or expired: one answer for all three (RFC 6750). */
    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Tre An\", error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "token-invalid");
    }

    /** A valid bearer token calling outside its scopes. */
    void outOfScope(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Tre An\", error=\"insufficient_scope\"");
        write(request, response, HttpStatus.FORBIDDEN, "token-scope");
    }

    /** A signed-in person whose account was disabled (or removed) since: the same answer as a failed sign-in. */
    void accountGone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tre An\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "sign-in-failed");
    }

    /** A person with a one-time password calling anything but the password change. */
    void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "password-change-required");
    }

    private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, SignInRefused refused)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        // the API's language rule: Accept-Language, Vietnamese when the caller names none
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? VIETNAMESE : request.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://trean.vn/problems/" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", null, null, locale));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

}
