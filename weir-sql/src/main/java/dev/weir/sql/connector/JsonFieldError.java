package dev.weir.sql.connector;

/**
 * A JSON value that did not read, with the path of the field it was in ({@code address.zip}, {@code tags[2]},
 * {@code attributes['color']}), built outwards as the error passes through each enclosing ROW, ARRAY or MAP.
 */
final class JsonFieldError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String reason;

    private JsonFieldError(String path, String reason, Throwable cause) {
        super("field '" + path + "': " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** {@code error} one level out: {@code step} is a field name, or an {@code [i]} / {@code ['key']} selector. */
    static JsonFieldError at(String step, RuntimeException error) {
        if (error instanceof JsonFieldError) {
            JsonFieldError inner = (JsonFieldError) error;
            String path = inner.path.startsWith("[") ? step + inner.path : step + "." + inner.path;
            return new JsonFieldError(path, inner.reason, inner.getCause());
        }
        String reason = error.getMessage() != null ? error.getMessage() : error.toString();
        return new JsonFieldError(step, reason, error);
    }

    /** Where in the record the value was. */
    String path() {
        return path;
    }
}
