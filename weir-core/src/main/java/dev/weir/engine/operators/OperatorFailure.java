package dev.weir.engine.operators;

/**
 * A user function (or operator) failed: says which operator, which subtask and which record. The cause is what
 * the function threw.
 */
public final class OperatorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operator;

    public OperatorFailure(String operator, String whileDoing, Throwable cause) {
        super(operator + " failed " + whileDoing + ": " + cause, cause);
        this.operator = operator;
    }

    /** Wraps {@code t} unless it already names an operator (a failure deeper in the chain). */
    public static OperatorFailure wrap(StreamOperator operator, String whileDoing, Throwable t) {
        return t instanceof OperatorFailure f ? f : new OperatorFailure(operator.describe(), whileDoing, t);
    }

    public static String onRecord(Object record) {
        return "on record '" + RecordText.of(record) + "'";
    }

    public String operator() {
        return operator;
    }
}
