package vn.trean.identity.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What an API token may call: the only list of an integration's doors. A token reaches a request only
 * if one of its scopes names it here; the role's own rules apply on top, as for a person.
 */
public enum ApiScope {

    REPORTS_FILE("reports:file",
            withDefaults().matcher(HttpMethod.POST, "/api/reports"),
            withDefaults().matcher(HttpMethod.POST, "/api/reports/duplicates"),
            withDefaults().matcher(HttpMethod.POST, "/api/reports/links"),
            withDefaults().matcher(HttpMethod.POST, "/api/cases/{id}/reports")),
    TASKS_READ("tasks:read",
            withDefaults().matcher(HttpMethod.GET, "/api/tasks"),
            withDefaults().matcher(HttpMethod.GET, "/api/tasks/{id}")),
    CASES_READ("cases:read",
            withDefaults().matcher(HttpMethod.GET, "/api/cases/{id}"),
            withDefaults().matcher(HttpMethod.GET, "/api/cases/{id}/breaches"),
            withDefaults().matcher(HttpMethod.GET, "/api/cases/{id}/documents"),
            withDefaults().matcher(HttpMethod.GET, "/api/cases/{id}/documents/{documentId}"),
            withDefaults().matcher(HttpMethod.GET, "/api/cases/{id}/classification")),
    NOTIFICATIONS_READ("notifications:read",
            withDefaults().matcher(HttpMethod.GET, "/api/notifications"));

    private final String scope;
    private final List<RequestMatcher> requests;

    ApiScope(String scope, RequestMatcher... requests) {
        this.scope = scope;
        this.requests = List.of(requests);
    }

    /** Its name in the API and in the database, e.g. {@code reports:file}. */
    @JsonValue
    public String scope() {
        return scope;
    }

    boolean covers(HttpServletRequest request) {
        return requests.stream().anyMatch(m -> m.matches(request));
    }

    static boolean anyCovers(java.util.Collection<ApiScope> scopes, HttpServletRequest request) {
        return scopes.stream().anyMatch(s -> s.covers(request));
    }

    static Optional<ApiScope> of(String scope) {
        return Arrays.stream(values()).filter(s -> s.scope.equals(scope)).findFirst();
    }
}
