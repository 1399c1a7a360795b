package vn.trean.problem;

import java.lang.reflect.Method;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every JSON endpoint of the API declares that it produces application/json, so that Spring checks the
 * caller's Accept header while mapping the request, before the handler runs. Without it a report sent
 * with {@code Accept: text/plain} was filed and committed, and only then failed with 500 (the answer
 * could not be written), so a retry made a duplicate case. Endpoints that send files (a byte array or
 * a resource) keep negotiating their own type.
 */
@Component
class JsonApiMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
                RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
                if (info == null || !info.getProducesCondition().isEmpty() || !answersJson(method, handlerType)
                        || info.getDirectPaths().stream().noneMatch(p -> p.startsWith("/api/"))
                        && info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                    return info;
                }
                return info.mutate().produces(MediaType.APPLICATION_JSON_VALUE).build();
            }
        };
    }

    private static boolean answersJson(Method method, Class<?> handlerType) {
        if (!AnnotatedElementUtils.hasAnnotation(handlerType, RestController.class)) {
            return false;
        }
        ResolvableType body = ResolvableType.forMethodReturnType(method);
        if (HttpEntity.class.isAssignableFrom(body.toClass())) {
            body = body.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> type = body.toClass();
        return type != byte[].class && !Resource.class.isAssignableFrom(type);
    }
}
