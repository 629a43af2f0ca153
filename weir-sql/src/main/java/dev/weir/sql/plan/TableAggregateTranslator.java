package dev.weir.sql.plan;

import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.WindowTableAggregateOutput;
import dev.weir.sql.runtime.agg.AggCall;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.sql.udf.TableAggregateFunctionOperator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.SingleOutputStreamOperator;
import dev.weir.streaming.api.datastream.WindowedStream;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A GROUP BY whose aggregate is a table aggregate function (the Table API's {@code flatAggregate}) to a keyed
 * {@code GroupTableAggregateFunction}: an updating result, each emitted value a row of the keys and one ROW column.
 * Grouped by a window's bounds (a group window's {@code flatAggregate}), it runs on the window operator instead
 * ({@link WindowTranslator}, {@link #emitPerWindow}): an insert-only result, emitted when each window fires.
 */
final class TableAggregateTranslator {
    private final StreamTranslator translator;

    TableAggregateTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** Whether {@code aggregate} calls a table aggregate function. */
    static boolean applies(Aggregate aggregate) {
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.getAggregation() instanceof TableAggregateFunctionOperator) {
                return true;
            }
        }
        return false;
    }

    Translated translate(Aggregate aggregate) {
        // Each field of the emitted ROW read in the select may stay a call of its own: they must all be the same call.
        AggregateCall call = aggregate.getAggCallList().get(0);
        for (AggregateCall other : aggregate.getAggCallList()) {
            if (other.getAggregation() != call.getAggregation() || !other.getArgList().equals(call.getArgList())
                    || other.filterArg != call.filterArg || other.isDistinct() != call.isDistinct()) {
                throw new ValidationException("A table aggregate function is computed alone: flatAggregate(call(..)) takes "
                        + "one table aggregate function and no other aggregate");
            }
        }
        Translated windowed = new WindowTranslator(translator).tryWindowAggregate(aggregate);
        if (windowed != null) {
            return windowed;
        }
        Translated in = translator.translate(aggregate.getInput());
        int[] keys = aggregate.getGroupSet().toArray();
        TableAggregateFunctionOperator function = (TableAggregateFunctionOperator) call.getAggregation();
        String name = "GroupTableAggregate(groupBy=[" + StreamTranslator.names(keys, aggregate.getInput().getRowType())
                + "], select=[" + String.join(", ", aggregate.getRowType().getFieldNames()) + "])";
        translator.record(name);
        boolean byValue = keys.length == 1 && GroupKeySelector.keysByValue(
                aggregate.getInput().getRowType().getFieldList().get(keys[0]).getType().getSqlTypeName());
        DataStream<Row> out = in.stream().keyBy(GroupKeySelector.of(keys, byValue))
                .process(function.create(call, aggregate.getInput().getRowType(), keys, aggregate.getAggCallList().size(),
                        in.updating())).name(name);
        return new Translated(out, aggregate.getRowType(), -1, true);
    }

    /**
     * A group window's table aggregate (the Table API's {@code window(..).groupBy(..).flatAggregate(..)}) on
     * {@code windowed}: the function's accumulator per key and window, {@code emitValue} called once when the window
     * fires; {@code merging} for windows whose accumulators are merged, which needs the function's {@code merge}.
     */
    static SingleOutputStreamOperator<Row> emitPerWindow(WindowedStream<Row, Object, TimeWindow> windowed,
            List<AggregateCall> calls, RelDataType inputType, int[] groupColumns, boolean merging) {
        AggregateCall call = calls.get(0);
        TableAggregateFunctionOperator function = (TableAggregateFunctionOperator) call.getAggregation();
        SqlAggregate accumulation = new SqlAggregate(new AggCall[] {function.windowCall(call, inputType, merging)});
        return windowed.aggregate(accumulation, new WindowTableAggregateOutput(groupColumns, function.emitValue(),
                call.getType().getFieldCount(), calls.size()));
    }
}
