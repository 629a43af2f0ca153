package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.Arrays;

/**
 * Turns an upsert stream keyed by its primary key (each row the key's new value, or a delete that may carry only the
 * key, as a Kafka tombstone does) into a full changelog, as Flink's ChangelogNormalize: the key's last row is keyed
 * state; a new value emits {@code +I} for a new key, {@code -U} of the old and {@code +U} of the new row when it
 * changed and nothing when it did not; a delete emits {@code -D} of the stored row (the full row, not the key alone),
 * and nothing for a key that has none.
 */
public final class ChangelogNormalizeFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Object[]> last;

    @Override
    public void open(OpenContext openContext) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-changelog-normalize-last-row", Object[].class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object[] before = last.value();
        RowKind kind = input.getKind();
        if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
            Object[] after = fields(input);
            if (before == null) {
                out.collect(Row.ofKind(RowKind.INSERT, after));
            } else if (Arrays.deepEquals(before, after)) {
                return;
            } else {
                out.collect(Row.ofKind(RowKind.UPDATE_BEFORE, before));
                out.collect(Row.ofKind(RowKind.UPDATE_AFTER, after));
            }
            last.update(after);
        } else if (before != null) {
            // -U and -D both remove the key's row: a -U without its +U (an upsert source's) is a delete.
            out.collect(Row.ofKind(RowKind.DELETE, before));
            last.clear();
        }
    }

    private static Object[] fields(Row row) {
        Object[] values = new Object[row.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(i);
        }
        return values;
    }
}
