package dev.weir.sql.plan;

import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.udf.TableAggregateFunctionOperator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;

/**
 * A GROUP BY whose aggregate is a table aggregate function (the Table API's {@code flatAggregate}) to a keyed
 * {@code GroupTableAggregateFunction}: an updating result, each emitted value a row of the keys and one ROW column.
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
}
