package vn.trean.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.trean.problem.ApiProblem;

/**
 * Failures of the pages as pages, not as the API's problem JSON (this advice comes before the API's).
 * Every "not found" — a missing case, a case the reader may not know of, a malformed id — is the same
 * page with the same words, so that it tells nothing about what exists.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final MessageSource messages;
    private final PageModel header;
    private final NotificationPages.Bell bell;

    PageErrors(MessageSource messages, PageModel header, NotificationPages.Bell bell) {
        this.messages = messages;
        this.header = header;
        this.bell = bell;
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response) {
        if (problem.status() == HttpStatus.NOT_FOUND) {
            return notFound(request, response);
        }
        response.setStatus(problem.status().value());
        var page = withHeader(new ModelAndView("error-page"), request);
        var locale = LocaleContextHolder.getLocale();
        page.addObject("title", messages.getMessage("problem." + problem.code() + ".title", problem.args(),
                problem.code(), locale));
        page.addObject("detail", messages.getMessage("problem." + problem.code() + ".detail", problem.args(), "",
                locale));
        return page;
    }

    /** A page asked for without a parameter it needs: the caller's mistake (400), never a server error. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException missing, HttpServletRequest request,
                                  HttpServletResponse response) {
        return problem(new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", missing.getParameterName()), request,
                response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformedId(HttpServletRequest request, HttpServletResponse response) {
        return notFound(request, response);
    }

    private ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return withHeader(new ModelAndView("not-found"), request);
    }

    /** Exception handlers do not get the advice's model attributes; the header needs them all the same. */
    private ModelAndView withHeader(ModelAndView page, HttpServletRequest request) {
        page.addObject("me", header.me());
        page.addObject("nav", header.nav());
        page.addObject("langUrls", header.langUrls(request));
        page.addObject("bell", bell.bell());
        return page;
    }
}
