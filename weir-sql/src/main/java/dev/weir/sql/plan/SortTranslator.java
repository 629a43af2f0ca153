package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.TimeSortFunction;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.sql.runtime.rank.SortKeyComparator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;

/**
 * Translates an ORDER BY without LIMIT or OFFSET as Flink's streaming planner does: sorted primarily on the input's
 * event-time attribute, ascending, it is Flink's temporal sort ({@link TimeSortFunction}, one global instance); any
 * other first key is refused with Flink's message. A sort on processing time is refused too: it would emit rows as
 * each millisecond passes, which Weir does not do yet.
 */
final class SortTranslator {
    private final StreamTranslator translator;

    SortTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** Whether {@code sort} is an ORDER BY alone (no LIMIT, no OFFSET): the plan this class translates. */
    static boolean isSortAlone(Sort sort) {
        return sort.fetch == null && sort.offset == null && !sort.getCollation().getFieldCollations().isEmpty();
    }

    Translated translate(Sort sort) {
        List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
        RelFieldCollation first = keys.get(0);
        boolean ascending = first.getDirection() == RelFieldCollation.Direction.ASCENDING;
        if (ascending && ProcTimeAttributes.isProcTime(sort.getInput(), first.getFieldIndex(), translator)) {
            throw new ValidationException("Sort on a processing-time attribute is not supported yet; order the rows by an "
                    + "event-time attribute first (a column with a WATERMARK)");
        }
        Translated in = translator.translate(sort.getInput());
        if (!ascending || first.getFieldIndex() != in.rowtimeIndex()) {
            // Flink's message; the ascending event-time attribute first is what Flink and Weir sort a stream by.
            throw new ValidationException("Sort on a non-time-attribute field is not supported. Order the rows by an "
                    + "ascending time attribute first (ORDER BY rowtime, other columns), or keep a Top-N with LIMIT");
        }
        if (in.updating()) {
            throw new ValidationException("Sort on a time attribute of an updating table is not supported; sort the rows "
                    + "before they are aggregated or joined into an updating result");
        }
        RelDataType rowType = sort.getInput().getRowType();
        SortKeyComparator ties = keys.size() == 1 ? null : tieBreaker(keys.subList(1, keys.size()), rowType);
        List<String> order = new ArrayList<>();
        for (RelFieldCollation key : keys) {
            order.add(rowType.getFieldNames().get(key.getFieldIndex())
                    + (key.getDirection() == RelFieldCollation.Direction.DESCENDING ? " DESC" : " ASC"));
        }
        String name = "TemporalSort(orderBy=[" + String.join(", ", order) + "])";
        translator.record(name);
        // A global sort, as in Flink: every row to one key, on one subtask.
        DataStream<Row> sorted = in.stream().keyBy(new ExprKeySelector(new Expr[0]))
                .process(new TimeSortFunction(in.rowtimeIndex(), ties)).name(name).setParallelism(1);
        return new Translated(sorted, sort.getRowType(), in.rowtimeIndex(), false);
    }

    private SortKeyComparator tieBreaker(List<RelFieldCollation> keys, RelDataType rowType) {
        Expr[] exprs = new Expr[keys.size()];
        boolean[] descending = new boolean[exprs.length];
        boolean[] nullsFirst = new boolean[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            RelFieldCollation key = keys.get(i);
            int index = key.getFieldIndex();
            exprs[i] = translator.compiler().compile(new RexInputRef(index, rowType.getFieldList().get(index).getType()));
            descending[i] = key.getDirection() == RelFieldCollation.Direction.DESCENDING;
            // Flink's default: NULLs first ascending, last descending.
            nullsFirst[i] = key.nullDirection == RelFieldCollation.NullDirection.FIRST
                    || (key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && !descending[i]);
        }
        return new SortKeyComparator(exprs, descending, nullsFirst);
    }
}
