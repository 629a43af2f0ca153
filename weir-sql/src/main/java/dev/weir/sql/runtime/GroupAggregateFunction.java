package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.sql.runtime.agg.LongAggregate;
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
 * when it did not, and {@code -D} when the key's last row was retracted. The accumulators and the row count are one
 * state value, so a record looks its key up once (Flink keeps its count among the accumulators alike). The state
 * also keeps the result last emitted, which is the next change's {@code -U} (Flink evaluates it again before each row),
 * and unchanged result columns keep their value objects. Over an insert-only input whose calls are all COUNT, or SUM,
 * AVG, MIN or MAX of integers (Nexmark q17, q4's MAX per auction), the accumulators are one {@code long[]}
 * ({@link LongAggregate}): a row updates one array instead of following a pointer to each call's object.
 */
public final class GroupAggregateFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final SqlAggregate aggregate;
    /** The calls as one {@code long[]} accumulator, for an insert-only input; null when {@link #aggregate} runs them. */
    private final LongAggregate integers;
    private final int[] keyFields;
    private transient ValueState<GroupAccumulators> groups;

    /** {@code keyFields}: the GROUP BY's columns of the input row, the result row's first columns. */
    public GroupAggregateFunction(SqlAggregate aggregate, int[] keyFields) {
        this.aggregate = aggregate;
        this.integers = null;
        this.keyFields = keyFields.clone();
    }

    /**
     * A GROUP BY over an insert-only input (only {@code +I} rows arrive, nothing is taken back) whose calls
     * {@code integers} runs; {@code keyFields} as above.
     */
    public GroupAggregateFunction(LongAggregate integers, int[] keyFields) {
        this.aggregate = null;
        this.integers = integers;
        this.keyFields = keyFields.clone();
    }

    @Override
    public void open(OpenContext openContext) {
        groups = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-group-accumulators", GroupAccumulators.class));
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        if (integers != null) {
            accumulateIntegers(input, out);
            return;
        }
        GroupAccumulators group = groups.value();
        RowKind kind = input.getKind();
        boolean accumulate = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
        if (group == null) {
            if (!accumulate) {
                return; // a retraction of a group this key no longer holds: nothing to take back
            }
            group = new GroupAccumulators(aggregate.createAccumulator());
        }
        Object[] before = group.rows == 0 ? null : group.result != null ? group.result : aggregate.getResult(group.accumulators);
        if (accumulate) {
            group.accumulators = aggregate.add(input, group.accumulators);
            group.rows++;
        } else {
            group.accumulators = aggregate.retract(input, group.accumulators);
            group.rows--;
        }
        if (group.rows == 0) {
            groups.clear();
            if (before != null) {
                out.collect(result(RowKind.DELETE, input, before));
            }
            return;
        }
        Object[] after = before == null ? aggregate.getResult(group.accumulators) : aggregate.getResult(group.accumulators, before);
        group.result = after;
        groups.update(group);
        if (before == null) {
            out.collect(result(RowKind.INSERT, input, after));
        } else if (!Arrays.deepEquals(before, after)) {
            out.collect(result(RowKind.UPDATE_BEFORE, input, before));
            out.collect(result(RowKind.UPDATE_AFTER, input, after));
        }
    }

    /** {@link #processElement} over an insert-only input with {@link #integers}: every row accumulates. */
    private void accumulateIntegers(Row input, Collector<Row> out) throws Exception {
        GroupAccumulators group = groups.value();
        if (group == null) {
            group = new GroupAccumulators(integers.createAccumulator());
        }
        Object[] before = group.rows == 0 ? null : group.result != null ? group.result : integers.getResult(group.longs);
        integers.add(input, group.longs);
        group.rows++;
        Object[] after = integers.getResult(group.longs, before);
        group.result = after;
        groups.update(group);
        if (before == null) {
            out.collect(result(RowKind.INSERT, input, after));
        } else if (!Arrays.deepEquals(before, after)) {
            out.collect(result(RowKind.UPDATE_BEFORE, input, before));
            out.collect(result(RowKind.UPDATE_AFTER, input, after));
        }
    }

    /** The result row: the group's columns (read from {@code input}, which holds the group's values) then {@code values}. */
    private Row result(RowKind kind, Row input, Object[] values) {
        Row row = new Row(kind, keyFields.length + values.length);
        for (int i = 0; i < keyFields.length; i++) {
            row.setField(i, input.getField(keyFields[i]));
        }
        for (int i = 0; i < values.length; i++) {
            row.setField(keyFields.length + i, values[i]);
        }
        return row;
    }
}
