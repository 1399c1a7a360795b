package vn.trean.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON value that has the right type but may not be stored (a control character, a year no record
 * can have). {@code code} names its message ({@code field.<code>}); Jackson adds the field's path.
 */
public class RefusedValue extends InvalidFormatException {

    private final String code;

    public RefusedValue(JsonParser parser, String code, Class<?> targetType) {
        super(parser, "refused value: " + code, null, targetType);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
