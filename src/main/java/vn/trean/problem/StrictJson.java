package vn.trean.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads request bodies strictly, so that a value is either exactly what the API documents or a 400
 * naming its place: no trailing data, no duplicate keys, no unknown properties, no numbers for dates
 * or enums, no booleans for text, no control characters in text, no year outside 1900..9999, and
 * bounded size, depth and number length. Lenient reading turned such bodies into 500s (PostgreSQL
 * refuses a NUL byte or year -999999999) or silently into other values (0 as 1970, 2^64 as 0).
 */
@Configuration
class StrictJson {

    static final int MAX_NESTING_DEPTH = 50;
    /** A model draft travels as one JSON string; 4 MB holds the largest BPMN file several times over. */
    static final int MAX_STRING_LENGTH = 4_000_000;
    static final long MAX_DOCUMENT_LENGTH = 8_000_000;
    static final int MAX_NUMBER_LENGTH = 40;
    static final int MAX_NAME_LENGTH = 200;
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestReading() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(StrictJson::configure);
    }

    static void configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // registered last, so that these readers win over the JavaTimeModule's and the standard String reader
        SimpleModule strict = new SimpleModule("trean-strict-values");
        strict.addDeserializer(String.class, new StrictString());
        strict.addDeserializer(OffsetDateTime.class,
                new StrictTemporal<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::getYear));
        strict.addDeserializer(Instant.class,
                new StrictTemporal<>(Instant.class, InstantDeserializer.INSTANT, i -> i.atOffset(ZoneOffset.UTC).getYear()));
        strict.addDeserializer(LocalDate.class,
                new StrictTemporal<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear));
        strict.addDeserializer(LocalDateTime.class,
                new StrictTemporal<>(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE, LocalDateTime::getYear));
        mapper.registerModule(strict);
    }

    /** Text only from a JSON string, never from a number or boolean, and without control characters. */
    static final class StrictString extends StdScalarDeserializer<String> {

        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            if (PlainText.refuses(text)) {
                throw new RefusedValue(p, "control-character", String.class);
            }
            return text;
        }
    }

    /** A date or time only from an ISO string (never a number of seconds), in years a record can have. */
    static final class StrictTemporal<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

        private final transient JsonDeserializer<T> iso;
        private final transient ToIntFunction<T> year;

        StrictTemporal(Class<T> type, JsonDeserializer<T> iso, ToIntFunction<T> year) {
            super(type);
            this.iso = iso;
            this.year = year;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            T value = iso.deserialize(p, ctxt);
            if (value != null) {
                int y = year.applyAsInt(value);
                if (y < MIN_YEAR || y > MAX_YEAR) {
                    throw new RefusedValue(p, "year-range", handledType());
                }
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            if (iso instanceof ContextualDeserializer contextual) {
                return new StrictTemporal<>((Class<T>) handledType(),
                        (JsonDeserializer<T>) contextual.createContextual(ctxt, property), year);
            }
            return this;
        }
    }
}
