package dev.weir.sql.runtime;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.sql.udf.FunctionInvoker;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.table.api.TableException;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;

/**
 * The Table API's {@code groupBy(..).flatAggregate(..)}, as Flink runs a table aggregate: per key, the function's
 * accumulator and the number of rows it holds are keyed state; each input row first retracts ({@code -D}) every row the
 * key emitted last, then accumulates (+I/+U) or retracts (-U/-D) the row and emits ({@code +I}) what {@code emitValue}
 * gives now, nothing once the key's last row was retracted. Each result row is the key's columns and one ROW column,
 * the emitted value.
 */
public final class GroupTableAggregateFunction extends KeyedProcessFunction<Object, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final TableAggregateFunction<?, ?> function;
    private final int[] keyFields;
    private final int[] args;
    private final FunctionInvoker accumulate;
    /** Null when the function has no retract method: the planner then allows only an insert-only input. */
    private final FunctionInvoker retract;
    private final FunctionInvoker emitValue;
    private final int columns;
    private final int copies;
    private transient ValueState<GroupAccumulators> groups;
    private transient Object[] values;
    private transient Emitted emitted;

    /**
     * {@code columns}: the fields of one emitted value; {@code copies}: how many ROW columns hold it (the plan may read
     * each field through a call of its own); {@code keyFields}: the GROUP BY's columns of the input row.
     */
    public GroupTableAggregateFunction(TableAggregateFunction<?, ?> function, int[] keyFields, int[] args,
            FunctionInvoker accumulate, FunctionInvoker retract, FunctionInvoker emitValue, int columns, int copies) {
        this.function = function;
        this.keyFields = keyFields.clone();
        this.args = args.clone();
        this.accumulate = accumulate;
        this.retract = retract;
        this.emitValue = emitValue;
        this.columns = columns;
        this.copies = copies;
    }

    @Override
    public void open(OpenContext openContext) {
        groups = getRuntimeContext().getState(new ValueStateDescriptor<>("sql-table-aggregate", GroupAccumulators.class));
        values = new Object[args.length];
        emitted = new Emitted();
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        GroupAccumulators group = groups.value();
        RowKind kind = input.getKind();
        boolean add = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
        if (group == null) {
            if (!add) {
                return; // a retraction of a group this key no longer holds: nothing to take back
            }
            group = new GroupAccumulators(new Object[] {function.createAccumulator()});
        }
        Object accumulator = group.accumulators[0];
        emitted.reset(input, out);
        if (group.rows > 0) {
            emitted.kind = RowKind.DELETE;
            emitValue.invoke(accumulator, emitted.asArgument);
        }
        for (int i = 0; i < args.length; i++) {
            values[i] = input.getField(args[i]);
        }
        if (add) {
            accumulate.invoke(accumulator, values);
            group.rows++;
        } else {
            if (retract == null) {
                throw new TableException("Table aggregate function " + function.getClass().getName() + " has no retract method, "
                        + "which a retraction of its input needs");
            }
            retract.invoke(accumulator, values);
            group.rows--;
        }
        if (group.rows == 0) {
            groups.clear();
            return;
        }
        groups.update(group);
        emitted.kind = RowKind.INSERT;
        emitValue.invoke(accumulator, emitted.asArgument);
    }

    /** The collector emitValue writes to: each value becomes a result row of the current kind. */
    private final class Emitted implements Collector<Object> {
        final Object[] asArgument = {this};
        RowKind kind;
        private Row input;
        private Collector<Row> out;

        void reset(Row input, Collector<Row> out) {
            this.input = input;
            this.out = out;
        }

        @Override
        public void collect(Object value) {
            Row row = new Row(kind, keyFields.length + copies);
            for (int i = 0; i < keyFields.length; i++) {
                row.setField(i, input.getField(keyFields[i]));
            }
            Row fields = EmittedValue.fields(value, columns);
            for (int i = 0; i < copies; i++) {
                row.setField(keyFields.length + i, fields);
            }
            out.collect(row);
        }
    }
}
