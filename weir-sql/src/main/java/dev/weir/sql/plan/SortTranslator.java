package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.expr.ExprCompiler;
import dev.weir.sql.runtime.ProcTimeSortFunction;
import dev.weir.sql.runtime.TimeSortFunction;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.sql.runtime.rank.SortKeyComparator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;

/**
 * Translates an ORDER BY as Flink's streaming planner does: with LIMIT (or FETCH) it is a Top-N
 * ({@link SortLimitTranslator}); alone, sorted primarily on a time attribute ascending, it is Flink's temporal sort,
 * on event time ({@link TimeSortFunction}) or on processing time ({@link ProcTimeSortFunction}), one global instance;
 * any other first key is refused with Flink's message.
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
        if (!isSortAlone(sort)) {
            return new SortLimitTranslator(translator).translate(sort);
        }
        List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
        RelFieldCollation first = keys.get(0);
        boolean ascending = first.getDirection() == RelFieldCollation.Direction.ASCENDING;
        RelDataType rowType = sort.getInput().getRowType();
        boolean onProcTime = ascending && ProcTimeAttributes.isProcTime(sort.getInput(), first.getFieldIndex(), translator);
        Translated in = translator.translate(sort.getInput());
        if (!onProcTime && (!ascending || first.getFieldIndex() != in.rowtimeIndex())) {
            // Flink's message; an ascending time attribute first is what Flink and Weir sort a stream by.
            throw new ValidationException("Sort on a non-time-attribute field is not supported. Order the rows by an "
                    + "ascending time attribute first (ORDER BY rowtime, other columns), or keep a Top-N with LIMIT");
        }
        if (in.updating()) {
            throw new ValidationException("Sort on a time attribute of an updating table is not supported; sort the rows "
                    + "before they are aggregated or joined into an updating result");
        }
        SortKeyComparator ties = keys.size() == 1 ? null
                : comparator(keys.subList(1, keys.size()), rowType, translator.compiler());
        String name = "TemporalSort(orderBy=[" + describe(keys, rowType) + "])";
        translator.record(name);
        KeyedProcessFunction<Row, Row, Row> function = onProcTime ? new ProcTimeSortFunction(ties)
                : new TimeSortFunction(in.rowtimeIndex(), ties);
        // A global sort, as in Flink: every row to one key, on one subtask.
        DataStream<Row> sorted = in.stream().keyBy(new ExprKeySelector(new Expr[0])).process(function).name(name)
                .setParallelism(1);
        return new Translated(sorted, sort.getRowType(), in.rowtimeIndex(), false);
    }

    /** The sort keys as Flink's plans print them: {@code price DESC, item ASC}. */
    static String describe(List<RelFieldCollation> keys, RelDataType rowType) {
        List<String> order = new ArrayList<>();
        for (RelFieldCollation key : keys) {
            order.add(rowType.getFieldNames().get(key.getFieldIndex())
                    + (key.getDirection() == RelFieldCollation.Direction.DESCENDING ? " DESC" : " ASC"));
        }
        return String.join(", ", order);
    }

    /** Orders rows of {@code rowType} by {@code keys}, each with its direction and its place for NULL. */
    static SortKeyComparator comparator(List<RelFieldCollation> keys, RelDataType rowType, ExprCompiler compiler) {
        Expr[] exprs = new Expr[keys.size()];
        boolean[] descending = new boolean[exprs.length];
        boolean[] nullsFirst = new boolean[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            RelFieldCollation key = keys.get(i);
            int index = key.getFieldIndex();
            exprs[i] = compiler.compile(new RexInputRef(index, rowType.getFieldList().get(index).getType()));
            descending[i] = key.getDirection() == RelFieldCollation.Direction.DESCENDING;
            // FlinkNullOrder wrote Flink's default (NULLs first ascending, last descending) on every key without one.
            nullsFirst[i] = key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED ? !descending[i]
                    : key.nullDirection == RelFieldCollation.NullDirection.FIRST;
        }
        return new SortKeyComparator(exprs, descending, nullsFirst);
    }
}
