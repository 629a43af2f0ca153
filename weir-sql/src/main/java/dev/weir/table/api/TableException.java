package dev.weir.table.api;

/** A general failure of the Table API, such as a query the planner cannot translate. */
public class TableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
