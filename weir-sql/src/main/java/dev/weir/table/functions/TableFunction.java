package dev.weir.table.functions;

import dev.weir.util.Collector;

/**
 * A user-defined table function: its public {@code eval} methods emit zero or more rows per call with
 * {@link #collect}, joined to the row they were called for by {@code LATERAL TABLE(f(..))}, as in Flink. A function
 * emitting {@code String}, {@code Integer}, ... produces one column named {@code f0}; one emitting
 * {@link dev.weir.types.Row} declares its columns with {@code @DataTypeHint("ROW<word STRING, length INT>")} on the
 * class or on {@code eval}.
 *
 * @param <T> the type of the rows it emits
 */
public abstract class TableFunction<T> extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;

    private transient Collector<T> collector;

    /** Where {@link #collect} sends rows; set by the runtime before each call. */
    public final void setCollector(Collector<T> collector) {
        this.collector = collector;
    }

    /** Emits one row for the current call. */
    protected final void collect(T row) {
        collector.collect(row);
    }
}
