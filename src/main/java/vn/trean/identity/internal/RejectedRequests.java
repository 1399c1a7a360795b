package vn.trean.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a URL the firewall refuses ({@code //engine-rest/engine}, encoded slashes, {@code ..}) with a
 * 400 problem. Without it the refusal surfaced as a 500 with a stack trace logged at ERROR, for what is
 * a client's mistake (or a probe): logged at INFO without the URL, which may carry anything. As a filter
 * in front of every servlet it also refuses an empty path segment ({@code //}), which the firewall lets
 * through and the engine's REST servlet (Jersey) then fails on with a 500.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class RejectedRequests extends org.springframework.web.filter.OncePerRequestFilter implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final MessageSource messages;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    RejectedRequests(MessageSource messages, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
        if (request.getRequestURI().contains("//")) {
            handle(request, response, new RequestRejectedException("empty path segment"));
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Request refused by the firewall: {}", rejected.getClass().getSimpleName());
        String language = request.getHeader("Accept-Language");
        Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.forLanguageTag("vi");
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), Map.of(
                "type", "https://trean.vn/problems/rejected-request",
                "title", messages.getMessage("problem.rejected-request.title", null, locale),
                "status", 400,
                "detail", messages.getMessage("problem.rejected-request.detail", null, locale),
                "code", "rejected-request"));
    }
}
