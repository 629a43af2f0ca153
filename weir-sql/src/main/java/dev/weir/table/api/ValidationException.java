package dev.weir.table.api;

/** A statement or Table API call is not valid: an unknown table, column or option, a type mismatch; thrown while planning, before a job runs. */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
