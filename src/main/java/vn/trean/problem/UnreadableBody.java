package vn.trean.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a JSON body could not be read, and where: the field's path ({@code child.sex}, {@code parents[1].phone})
 * as Bean Validation names it, the message code ({@code field.<code>}) and the line and column in the body.
 */
record UnreadableBody(String field, String code, List<Object> args, Integer line, Integer column) {

    static UnreadableBody of(Throwable failure) {
        JsonMappingException mapping = find(failure, JsonMappingException.class);
        Throwable root = rootCause(failure);
        JacksonException located = find(failure, JacksonException.class);
        Integer line = null;
        Integer column = null;
        if (located != null && located.getLocation() != null && located.getLocation() != JsonLocation.NA) {
            line = located.getLocation().getLineNr();
            column = located.getLocation().getColumnNr();
        }
        String field = mapping == null ? null : path(mapping.getPath());
        if ((field == null || field.isEmpty()) && root instanceof JacksonException parsing
                && parsing.getProcessor() instanceof JsonParser parser) {
            field = path(parser.getParsingContext());
        }
        if (field != null && field.isEmpty()) {
            field = null;
        }
        String code;
        List<Object> args = List.of();
        if (root instanceof RefusedValue refused) {
            code = refused.code();
        } else if (root instanceof UnrecognizedPropertyException) {
            code = "unknown";
        } else if (root instanceof StreamConstraintsException) {
            code = "too-large";
        } else if (root instanceof InputCoercionException) {
            code = "number-range";
        } else if (root instanceof MismatchedInputException mismatch) {
            if (String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
                code = "trailing";
                field = null;
            } else if (String.valueOf(mismatch.getOriginalMessage()).startsWith("No content")) {
                code = "body-required";
            } else {
                Class<?> target = mismatch.getTargetType();
                code = expected(target);
                if (target != null && target.isEnum()) {
                    args = List.of(Arrays.stream(target.getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", ")));
                }
            }
        } else if (root instanceof JacksonException) {
            code = String.valueOf(((JacksonException) root).getOriginalMessage()).startsWith("Duplicate field")
                    ? "duplicate" : "syntax";
        } else {
            code = failure == null ? "body-required" : "syntax";
        }
        if (("syntax".equals(code) || "trailing".equals(code) || "too-large".equals(code)) && line != null) {
            args = List.of(line, column);
        }
        return new UnreadableBody(field, code, args, line, column);
    }

    /** What the field should have held, as a message code. */
    private static String expected(Class<?> target) {
        if (target == null) {
            return "syntax";
        }
        if (target.isEnum()) {
            return "one-of";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != char.class)) {
            return "number";
        }
        if (target == String.class || target == char.class || target == Character.class) {
            return "text";
        }
        if (target == LocalDate.class) {
            return "date";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "date-time";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "list";
        }
        return "object";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost Jackson failure: it says what went wrong (a date's own parse error may lie below it). */
    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException) {
                root = t;
            }
        }
        return root;
    }
}
