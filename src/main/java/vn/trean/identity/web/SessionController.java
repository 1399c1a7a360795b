package vn.trean.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Keep me signed in" (issue 11, item 3): the page warns a minute before the session would end; this call
 * touches the session (as any request does) and answers how long it now lasts. Nothing is read or written.
 */
@RestController
@Tag(name = "Account", description = "Tài khoản / account")
class SessionController {

    private final Duration timeout;

    SessionController(@Value("${spring.session.timeout:${server.servlet.session.timeout}}") Duration timeout) {
        this.timeout = timeout;
    }

    @PostMapping("/api/session/keep-alive")
    @Operation(summary = "Keep my session alive", description = "The session's idle timeout, in seconds, from now.")
    SessionLength keepAlive(HttpServletRequest request) {
        var session = request.getSession(false);
        return new SessionLength(session == null ? timeout.toSeconds() : session.getMaxInactiveInterval());
    }

    record SessionLength(long timeoutSeconds) {
    }
}
