package vn.trean.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of the API to an RFC 9457 problem in the caller's language (Accept-Language, Vietnamese by default). */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidFieldsProblem.class)
    ProblemDetail invalidFields(InvalidFieldsProblem e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> fields = e.violations().stream()
                .map(v -> new FieldProblem(v.field(), messages.getMessage("field." + v.code(), v.args(), v.code(), locale)))
                .toList();
        return withFields(problem(e.status(), e.code(), e.args()), fields);
    }

    @ExceptionHandler(FindingsProblem.class)
    ProblemDetail findings(FindingsProblem e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(e.status(), e.code());
        problem.setProperty("findings", e.findings().stream()
                .map(f -> new RenderedFinding(f.resource(), f.elementId(),
                        messages.getMessage(f.messageKey(), f.args(), f.messageKey(), locale)))
                .toList());
        return problem;
    }

    record RenderedFinding(String resource, String elementId, String message) {
    }

    @ExceptionHandler(ListingProblem.class)
    ProblemDetail listing(ListingProblem e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.args());
        problem.setProperty(e.property(), e.items());
        return problem;
    }

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem e) {
        return problem(e.status(), e.code(), e.args());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidRequest(MethodArgumentNotValidException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error, locale)))
                .toList();
        return withFields(problem(HttpStatus.BAD_REQUEST, "invalid-fields"), fields);
    }

    /** A body that is not the JSON the endpoint reads: names the field (its path) or the line and column. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        log.debug("Unreadable request body: {}", e.getMessage());
        UnreadableBody body = UnreadableBody.of(e.getCause());
        ProblemDetail problem = withFields(problem(HttpStatus.BAD_REQUEST, "malformed-request"), List.of(new FieldProblem(
                body.field(), messages.getMessage("field." + body.code(), body.args().toArray(), body.code(),
                        LocaleContextHolder.getLocale()))));
        if (body.line() != null) {
            problem.setProperty("position", Map.of("line", body.line(), "column", body.column()));
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return withFields(problem(HttpStatus.BAD_REQUEST, "bad-parameter", e.getName()),
                List.of(new FieldProblem(e.getName(), fieldMessage("pattern"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return withFields(problem(HttpStatus.BAD_REQUEST, "missing-parameter", e.getParameterName()),
                List.of(new FieldProblem(e.getParameterName(), fieldMessage("required"))));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), messages.getMessage(error, locale))))
                .toList();
        return withFields(problem(HttpStatus.BAD_REQUEST, "invalid-fields"), fields);
    }

    /** 415 names the media types the endpoint reads, in {@code accepts}. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        List<String> accepts = e.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE)
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                String.join(", ", accepts));
        problem.setProperty("accepts", accepts);
        return problem;
    }

    /**
     * 406, raised while the request is mapped and so before the handler ran: nothing was done. The problem
     * itself goes out as application/problem+json whatever the Accept header asked for.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        List<String> produces = e.getSupportedMediaTypes().isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE)
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        ProblemDetail problem = problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", String.join(", ", produces));
        problem.setProperty("produces", produces);
        return problem;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge);
        }
        log.debug("Unreadable multipart request: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, "malformed-multipart");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large", 10);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "missing-part", e.getRequestPartName());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            // a client's mistake that Spring already classified: no stack trace at ERROR
            log.debug("Request refused: {}", e.getMessage());
            return problem(HttpStatus.valueOf(response.getStatusCode().value()), "bad-request");
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal");
    }

    private ProblemDetail problem(HttpStatus status, String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://trean.vn/problems/" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", args, code, locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", args, null, locale));
        problem.setProperty("code", code);
        return problem;
    }

    private static ProblemDetail withFields(ProblemDetail problem, List<FieldProblem> fields) {
        problem.setProperty("errors", fields);
        return problem;
    }

    private String fieldMessage(String code) {
        return messages.getMessage("field." + code, null, code, LocaleContextHolder.getLocale());
    }

    private String message(FieldError error, Locale locale) {
        return messages.getMessage(error, locale);
    }
}
