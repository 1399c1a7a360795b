package vn.trean.web;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    /** The bean name Spring MVC looks up; replaces the Accept-Language-only resolver Spring Boot would make. */
    @Bean
    LocaleResolver localeResolver() {
        return new PageLanguage();
    }

    /** {@code ?lang=en} or {@code ?lang=vi} on any page switches the language and stores the choice. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                Locale asked = super.parseLocaleValue(localeValue);
                return asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : PageLanguage.VIETNAMESE;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
