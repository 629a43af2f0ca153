package dev.weir.table.functions;

import java.io.Serializable;

/**
 * The base of user-defined SQL functions, as in Flink: a function is registered with
 * {@code TableEnvironment#createTemporarySystemFunction} or {@code CREATE FUNCTION name AS 'class'}, copied to each
 * subtask, opened there before its first call and closed when the job ends. Its argument and result types are read
 * from its {@code eval} (or {@code accumulate}/{@code getValue}) signatures, or from {@link
 * dev.weir.table.annotation.DataTypeHint}s on them.
 */
public abstract class UserDefinedFunction implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Called once per subtask before the first call. */
    public void open(FunctionContext context) throws Exception {
    }

    /** Called once per subtask after the last call. */
    public void close() throws Exception {
    }

    /** Whether the function returns the same result for the same arguments; true unless overridden. */
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public String toString() {
        return getClass().getName();
    }
}
