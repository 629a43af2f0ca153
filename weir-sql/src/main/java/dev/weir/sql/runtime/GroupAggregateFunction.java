package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.util.Arrays;

/**
 * An unbounded GROUP BY, as Flink runs it: per key, the accumulators and the number of rows they hold are keyed
 * state; each input row (+I/+U accumulate, -U/-D retract) updates them and emits the change of the key's result
 * row: {@code +I} for a new key, {@code -U} of the old and {@code +U} of the new result when it changed, nothing
 * when it did not, and {@code -D} when the key's last row was retracted.
 */
public final class GroupAggregateFunction extends KeyedProcessFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final SqlAggregate aggregate;
    private final int[] keyFields;
    private transient ValueState<Object[]> accumulators;
    private transient ValueState<Long> rowCount;

    public GroupAggregateFunction(SqlAggregate aggregate, int[] keyFields) {
        this.aggregate = aggregate;
        this.keyFields = keyFields.clone();
    }

    @Override
    public void open(OpenContext openContext) {
        accumulators = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-group-accumulators", Object[].class));
        rowCount = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-group-row-count", Long.class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        Object[] acc = accumulators.value();
        Long countBefore = rowCount.value();
        long count = countBefore == null ? 0 : countBefore;
        boolean firstRow = acc == null;
        if (firstRow) {
            acc = aggregate.createAccumulator();
        }
        Object[] before = firstRow || count == 0 ? null : aggregate.getResult(acc);
        RowKind kind = input.getKind();
        if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
            acc = aggregate.add(input, acc);
            count++;
        } else {
            if (firstRow || count == 0) {
                return;
            }
            acc = aggregate.retract(input, acc);
            count--;
        }
        Row key = ctx.getCurrentKey();
        if (count == 0) {
            accumulators.clear();
            rowCount.clear();
            if (before != null) {
                out.collect(result(RowKind.DELETE, key, before));
            }
            return;
        }
        accumulators.update(acc);
        rowCount.update(count);
        Object[] after = aggregate.getResult(acc);
        if (before == null) {
            out.collect(result(RowKind.INSERT, key, after));
        } else if (!Arrays.deepEquals(before, after)) {
            out.collect(result(RowKind.UPDATE_BEFORE, key, before));
            out.collect(result(RowKind.UPDATE_AFTER, key, after));
        }
    }

    private Row result(RowKind kind, Row key, Object[] values) {
        Row row = new Row(kind, keyFields.length + values.length);
        for (int i = 0; i < keyFields.length; i++) {
            row.setField(i, key.getField(i));
        }
        for (int i = 0; i < values.length; i++) {
            row.setField(keyFields.length + i, values[i]);
        }
        return row;
    }
}
