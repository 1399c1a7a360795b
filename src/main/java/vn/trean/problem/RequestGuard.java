package vn.trean.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Checks what every API call carries outside its body before the handler runs: path variables and
 * query parameters are plain, bounded text (a NUL byte in {@code ?step=} reached PostgreSQL as a 500),
 * and a wildcard Content-Type ({@code *}{@code /*}) is a 415 naming the type the endpoint takes, not a 500.
 */
@Component
class RequestGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final int MAX_PARAMETER_LENGTH = 1000;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        checkContentType(request, method);
        List<InvalidFieldsProblem.Violation> violations = new ArrayList<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), violations));
        }
        if (request.getQueryString() != null) {
            UriComponentsBuilder.fromUriString("/?" + request.getQueryString()).build().getQueryParams()
                    .forEach((name, values) -> values.forEach(value -> check(decoded(name), decoded(value), violations)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidFieldsProblem(violations);
        }
        return true;
    }

    private static void checkContentType(HttpServletRequest request, HandlerMethod method)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage(), accepted(method));
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException(type, accepted(method), null);
        }
    }

    /** The types the endpoint reads: its mapping's {@code consumes}, otherwise JSON. */
    private static List<MediaType> accepted(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping != null && mapping.consumes().length > 0) {
            return Arrays.stream(mapping.consumes()).map(MediaType::parseMediaType).toList();
        }
        return List.of(MediaType.APPLICATION_JSON);
    }

    private static void check(String name, String value, List<InvalidFieldsProblem.Violation> violations) {
        if (name == null || value == null || PlainText.refuses(name) || PlainText.refuses(value)) {
            violations.add(new InvalidFieldsProblem.Violation(name == null ? null : printable(name), "control-character"));
        } else if (value.length() > MAX_PARAMETER_LENGTH || name.length() > MAX_PARAMETER_LENGTH) {
            violations.add(new InvalidFieldsProblem.Violation(printable(name), "max-length", MAX_PARAMETER_LENGTH));
        }
    }

    private static String printable(String name) {
        String shortened = name.length() > 100 ? name.substring(0, 100) : name;
        return PlainText.refuses(shortened) ? shortened.replaceAll("\\p{Cntrl}", "?") : shortened;
    }

    /** The decoded text, or null when the percent-encoding is broken. */
    private static String decoded(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return UriUtils.decode(raw.replace('+', ' '), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException broken) {
            return null;
        }
    }
}
