package vn.trean.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.identity.UserDirectory;

/**
 * The task list and the task pages, kept for use without a connection (issue 11, item 4). Only they, and only
 * for the roles that work cases in the field ({@code trean.offline.roles}), are answered {@code private, no-cache}
 * with the headers the service worker ({@code /sw.js}) needs to keep them: whose they are
 * ({@code X-Offline-User}, a hash of the user name) and how long they may be kept ({@code X-Offline-Max-Age}).
 * Every other page keeps Spring Security's {@code no-store}, and the service worker keeps nothing that says
 * {@code no-store}. The pages also get the settings their scripts need ({@code offline}: drafts, the session's
 * length for the warning before it ends).
 */
@Configuration
@RestController
class OfflinePages implements WebMvcConfigurer, HandlerInterceptor {

    static final String USER_HEADER = "X-Offline-User";
    static final String MAX_AGE_HEADER = "X-Offline-Max-Age";

    private final UserDirectory users;
    private final Set<Role> roles;
    private final Duration maxAge;
    private final Duration sessionTimeout;

    OfflinePages(UserDirectory users, @Value("${trean.offline.roles}") Set<Role> roles,
                 @Value("${trean.offline.max-age}") Duration maxAge,
                 @Value("${spring.session.timeout:${server.servlet.session.timeout}}") Duration sessionTimeout) {
        this.users = users;
        this.roles = Set.copyOf(roles);
        this.maxAge = maxAge;
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/tasks", "/tasks/*");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !"GET".equals(request.getMethod()) || page.getViewName() == null
                || page.getViewName().startsWith("redirect:")) {
            return;
        }
        CurrentUser user = users.current().orElse(null);
        if (user == null) {
            return;
        }
        boolean offline = roles.contains(user.role());
        var session = request.getSession(false);
        long timeout = session == null ? sessionTimeout.toSeconds() : session.getMaxInactiveInterval();
        page.addObject("offline", new Settings(offline, userKey(user.username()), maxAge.toSeconds(), timeout));
        if (offline) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
            response.setHeader(USER_HEADER, userKey(user.username()));
            response.setHeader(MAX_AGE_HEADER, Long.toString(maxAge.toSeconds()));
        }
    }

    /**
     * The service worker's script, from the root (its scope is {@code /tasks}: the list and the task pages).
     * Always revalidated: a new version must reach the phones on their next visit.
     */
    @GetMapping("/sw.js")
    ResponseEntity<ClassPathResource> serviceWorker() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).header("Service-Worker-Allowed", "/")
                .body(new ClassPathResource("static/sw.js"));
    }

    /** Names the user's kept pages and drafts on the device without writing the user name there. */
    static String userKey(String username) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param enabled whether this user's task pages are kept on the device
     * @param user    the key of the user's drafts and kept pages on the device
     */
    record Settings(boolean enabled, String user, long maxAgeSeconds, long sessionTimeoutSeconds) {
    }
}
