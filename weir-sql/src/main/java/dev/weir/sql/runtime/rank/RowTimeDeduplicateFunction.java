package dev.weir.sql.runtime.rank;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;

/**
 * Deduplication on event time ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY rowtime ASC|DESC) = 1} with the row
 * number not selected), as Flink runs it without mini-batch: per key the kept row is keyed state; keep-first replaces
 * it by a row with a strictly earlier time, keep-last by a row with the same or a later time; the first kept row is
 * inserted, a replacement emitted as {@code -U} old, {@code +U} new. Output rows have an (unset) row number appended.
 */
public final class RowTimeDeduplicateFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int rowtimeIndex;
    private final boolean keepLast;
    private transient ValueState<Row> kept;

    public RowTimeDeduplicateFunction(int rowtimeIndex, boolean keepLast) {
        this.rowtimeIndex = rowtimeIndex;
        this.keepLast = keepLast;
    }

    @Override
    public void open(OpenContext openContext) {
        kept = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-deduplicate-kept-row", Row.class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Row previous = kept.value();
        if (previous != null) {
            long before = (Long) previous.getField(rowtimeIndex);
            long now = (Long) input.getField(rowtimeIndex);
            if (keepLast ? now < before : now >= before) {
                return;
            }
        }
        // The kept row is the output row (the row number slot included), so a new key's row is built once; the row
        // emitted as +I is the kept one, as the processing-time deduplication emits its kept row.
        Row row = withRowNumber(RowKind.INSERT, input);
        kept.update(row);
        if (previous == null) {
            out.collect(row);
        } else {
            out.collect(withKind(RowKind.UPDATE_BEFORE, previous));
            out.collect(withKind(RowKind.UPDATE_AFTER, row));
        }
    }

    private static Row withRowNumber(RowKind kind, Row row) {
        Row out = new Row(kind, row.getArity() + 1);
        for (int i = 0; i < row.getArity(); i++) {
            out.setField(i, row.getField(i));
        }
        return out;
    }

    private static Row withKind(RowKind kind, Row row) {
        Row copy = Row.copy(row);
        copy.setKind(kind);
        return copy;
    }
}
