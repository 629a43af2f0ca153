package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.rank.AppendOnlyTopNFunction;
import dev.weir.sql.runtime.rank.RetractableTopNFunction;
import dev.weir.sql.runtime.rank.SortKeyComparator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates {@code LIMIT n [OFFSET m]} (or {@code FETCH FIRST n ROWS ONLY}) as Flink's streaming planner does: with an
 * ORDER BY it is Flink's SortLimit, without one Flink's Limit, both a Top-N over the whole input (one global instance)
 * with rows {@code m + 1} to {@code m + n} of the order kept (for a Limit every row ties, so the first rows to arrive
 * stay). An insert-only input runs Flink's append-fast strategy, an updating one its retract strategy, on the Top-N
 * runtime; with an OFFSET the ranks are numbered and those up to {@code m} left out, as Flink numbers them then. A
 * Limit of an insert-only input is insert-only; a SortLimit is an updating result. An OFFSET without FETCH is refused
 * with Flink's message.
 */
final class SortLimitTranslator {
    private final StreamTranslator translator;

    SortLimitTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    Translated translate(Sort sort) {
        if (sort.fetch == null) {
            throw new ValidationException("FETCH is missed, which on streaming table is not supported currently. Add a "
                    + "LIMIT (ORDER BY .. LIMIT n OFFSET m is a Top-N of the rows so far)");
        }
        long offset = sort.offset == null ? 0 : constant(sort.offset, "OFFSET");
        long fetch = constant(sort.fetch, "LIMIT");
        List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
        RelDataType rowType = sort.getInput().getRowType();
        Translated in = translator.translate(sort.getInput());
        SortKeyComparator order = SortTranslator.comparator(keys, rowType, translator.compiler());
        // Numbered ranks only when some must be left out: Flink's row-number algorithm, which it runs for an offset.
        boolean numbered = offset > 0;
        long n = offset + fetch;
        KeyedProcessFunction<Object, Row, Row> topN = in.updating() ? new RetractableTopNFunction(order, n, numbered)
                : new AppendOnlyTopNFunction(order, n, numbered);
        String strategy = in.updating() ? "RetractStrategy" : "AppendFastStrategy";
        String range = "offset=[" + offset + "], fetch=[" + fetch + "]";
        String name = keys.isEmpty() ? "Limit(" + range + ")"
                : "SortLimit(orderBy=[" + SortTranslator.describe(keys, rowType) + "], " + range + ", strategy=[" + strategy + "])";
        translator.record(name);
        // A global Top-N, as in Flink: every row to one key, on one subtask; the step after it stays there, so that a
        // row's retraction never overtakes its insertion.
        DataStream<Row> ranked = in.stream().keyBy(GroupKeySelector.ofExpressions(new Expr[0], false)).process(topN).name(name)
                .setParallelism(1);
        DataStream<Row> out = ranked.flatMap(withoutRank(sort, rowType.getFieldCount(), offset)).name("Calc(select=["
                + String.join(", ", sort.getRowType().getFieldNames()) + "])").setParallelism(1);
        // Rows of a Limit of an insert-only input are never taken back: every later row ties and stays out.
        boolean updating = in.updating() || !keys.isEmpty();
        return new Translated(out, sort.getRowType(), -1, updating);
    }

    /** The input's columns of the Top-N's rows (which have the rank appended), those ranked after {@code offset} only. */
    private CalcFunction withoutRank(Sort sort, int arity, long offset) {
        RexBuilder rex = sort.getCluster().getRexBuilder();
        Expr[] columns = new Expr[arity];
        for (int i = 0; i < arity; i++) {
            columns[i] = translator.compiler().compile(new RexInputRef(i, sort.getRowType().getFieldList().get(i).getType()));
        }
        Expr condition = null;
        if (offset > 0) {
            RexNode rank = new RexInputRef(arity, rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
            condition = translator.compiler().compile(rex.makeCall(SqlStdOperatorTable.GREATER_THAN, rank,
                    rex.makeBigintLiteral(java.math.BigDecimal.valueOf(offset))));
        }
        return new CalcFunction(condition, columns);
    }

    private static long constant(RexNode node, String clause) {
        Long value = node instanceof RexLiteral ? ((RexLiteral) node).getValueAs(Long.class) : null;
        if (value == null || value < 0) {
            throw new ValidationException(clause + " takes a constant number of rows on a streaming table, not " + node);
        }
        return value;
    }
}
