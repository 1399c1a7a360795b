package vn.trean.workflow.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the engine's own tools with 403 when they try to complete a task: the engine REST API
 * ({@code /engine-rest/task/{id}/complete}, {@code /submit-form}, {@code /resolve}) and the Tasklist
 * webapp, which calls the same resources under {@code /camunda/api/engine}. A case task is completed
 * only through Trẻ An's task API, which checks the form and writes the case file; the engine tools stay
 * for process owners and administrators to look and repair. The rule itself is kept by the task
 * listener ({@code StepCompletion}); this filter turns its refusal into a clear answer instead of an
 * engine error.
 */
class EngineTaskCompletionFilter extends OncePerRequestFilter {

    private static final Pattern COMPLETION =
            Pattern.compile(".*/task/[^/]+/(complete|submit-form|resolve)/?", Pattern.CASE_INSENSITIVE);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!COMPLETION.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("""
                {"type":"https://trean.vn/problems/complete-in-app","title":"Hoàn thành việc trong Trẻ An / Complete tasks in Trẻ An",\
                "status":403,"detail":"Việc của hồ sơ chỉ được hoàn thành qua trang việc của Trẻ An. / A case task is completed \
                only through Trẻ An's task page (POST /api/tasks/{id}/complete).","code":"complete-in-app"}""");
    }
}
