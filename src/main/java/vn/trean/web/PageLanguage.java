package vn.trean.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of a response. Pages speak Vietnamese unless the user chose English, and the choice
 * sticks in a cookie. API calls that name a language in {@code Accept-Language} get it even with the
 * cookie, as API clients expect (the pages' own scripts send the page's language that way); without
 * either, Vietnamese.
 */
final class PageLanguage implements LocaleContextResolver {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);
    static final String COOKIE = "lang";

    private final CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE);

    PageLanguage() {
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieSameSite("Lax");
        cookie.setCookieHttpOnly(true);
        cookie.setDefaultLocaleFunction(request -> VIETNAMESE);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        if (isApiCall(request) && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            Locale asked = supported(request.getLocales());
            if (asked != null) {
                return new SimpleLocaleContext(asked);
            }
        }
        Locale chosen = cookie.resolveLocale(request);
        return new SimpleLocaleContext(SUPPORTED.stream()
                .filter(l -> l.getLanguage().equals(chosen.getLanguage())).findFirst().orElse(VIETNAMESE));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLocaleContext(request).getLocale();
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        cookie.setLocaleContext(request, response, context);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        cookie.setLocale(request, response, locale);
    }

    private static boolean isApiCall(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/engine-rest/");
    }

    private static Locale supported(java.util.Enumeration<Locale> asked) {
        while (asked.hasMoreElements()) {
            Locale locale = asked.nextElement();
            for (Locale s : SUPPORTED) {
                if (s.getLanguage().equals(locale.getLanguage())) {
                    return s;
                }
            }
        }
        return null;
    }
}
