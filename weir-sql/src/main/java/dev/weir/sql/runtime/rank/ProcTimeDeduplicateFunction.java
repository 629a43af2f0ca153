package dev.weir.sql.runtime.rank;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;

/**
 * Deduplication on processing time ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY proctime ASC|DESC) = 1} with the
 * row number not selected), as Flink runs it without mini-batch: rows are ordered by their arrival. Keep-first emits
 * each key's first row and drops the others (insert-only output); keep-last inserts the first row and replaces the
 * kept row by every later one, emitted as {@code -U} old, {@code +U} new. Output rows have an (unset) row number
 * appended.
 */
public final class ProcTimeDeduplicateFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean keepLast;
    private transient ValueState<Row> kept;

    public ProcTimeDeduplicateFunction(boolean keepLast) {
        this.keepLast = keepLast;
    }

    /** Whether the last row of a key is kept (the first otherwise). */
    public boolean keepsLast() {
        return keepLast;
    }

    @Override
    public void open(OpenContext openContext) {
        kept = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-proctime-deduplicate-kept-row", Row.class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Row previous = kept.value();
        if (previous != null && !keepLast) {
            return;
        }
        Row row = withRowNumber(RowKind.INSERT, input);
        // Keep-first only needs to know the key was seen; keep-last keeps the row to retract it.
        kept.update(keepLast ? row : Row.of());
        if (previous == null) {
            out.collect(row);
        } else {
            Row before = Row.copy(previous);
            before.setKind(RowKind.UPDATE_BEFORE);
            out.collect(before);
            Row after = Row.copy(row);
            after.setKind(RowKind.UPDATE_AFTER);
            out.collect(after);
        }
    }

    private static Row withRowNumber(RowKind kind, Row row) {
        Row out = new Row(kind, row.getArity() + 1);
        for (int i = 0; i < row.getArity(); i++) {
            out.setField(i, row.getField(i));
        }
        return out;
    }
}
