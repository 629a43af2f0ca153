package dev.weir.sql.plan;

import dev.weir.sql.runtime.AttachedEventTimeWindows;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.WindowAggregateOutput;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Translates a GROUP BY over the window bounds a window aggregate left (under any names, through projections and
 * filters) as Flink does: a window aggregate on the same windows, each row attached to the window its bound columns
 * name, fired by the watermark at the window's end, insert-only; not an updating GROUP BY that retracts as each inner
 * window's rows arrive. Nexmark q5's {@code MAX(num) ... GROUP BY starttime, endtime} is one.
 */
final class CascadedWindowAggregateTranslator {
    private final StreamTranslator translator;
    private final WindowBounds bounds;

    CascadedWindowAggregateTranslator(StreamTranslator translator) {
        this.translator = translator;
        this.bounds = new WindowBounds(new WindowTranslator(translator));
    }

    /** The window aggregate of {@code aggregate}, or null when it does not group by a window's start and end. */
    Translated tryTranslate(Aggregate aggregate) {
        WindowBounds.Grouping grouping = bounds.grouping(aggregate);
        if (grouping == null) {
            return null;
        }
        RelDataType inputType = aggregate.getInput().getRowType();
        int[] groups = aggregate.getGroupSet().toArray();
        int[] groupColumns = new int[groups.length];
        List<Integer> keyFields = new ArrayList<>();
        int rowtime = -1;
        for (int i = 0; i < groups.length; i++) {
            WindowBounds.Bound bound = bounds.of(aggregate.getInput(), groups[i]);
            if (groups[i] == grouping.startColumn()) {
                groupColumns[i] = WindowAggregateOutput.WINDOW_START;
            } else if (groups[i] == grouping.endColumn()) {
                groupColumns[i] = WindowAggregateOutput.WINDOW_END;
            } else if (bound != null && bound.kind() == WindowBounds.Kind.TIME && bound.windows().equals(grouping.windows())) {
                groupColumns[i] = WindowAggregateOutput.WINDOW_TIME;
                rowtime = i;
            } else {
                groupColumns[i] = keyFields.size();
                keyFields.add(groups[i]);
            }
        }
        Translated in = translator.translate(aggregate.getInput());
        if (in.updating()) {
            throw new IllegalStateException("The input of a cascaded window aggregate is updating: " + aggregate.getInput());
        }
        int[] keys = keyFields.stream().mapToInt(Integer::intValue).toArray();
        GroupKeySelector keySelector = GroupKeySelector.of(keys, false);
        String name = "WindowAggregate(groupBy=[" + StreamTranslator.names(keys, inputType) + "], window=["
                + grouping.windows().describe() + ", attached to " + inputType.getFieldNames().get(grouping.startColumn())
                + " and " + inputType.getFieldNames().get(grouping.endColumn()) + "], select=["
                + String.join(", ", aggregate.getRowType().getFieldNames()) + "])";
        translator.record(name);
        DataStream<Row> out = in.stream().keyBy(keySelector)
                .window(new AttachedEventTimeWindows(grouping.startColumn(), grouping.endColumn()))
                .aggregate(new SqlAggregate(translator.aggCalls(aggregate.getAggCallList(), inputType)),
                        new WindowAggregateOutput(groupColumns))
                .name(name);
        return new Translated(out, aggregate.getRowType(), rowtime, false);
    }
}
