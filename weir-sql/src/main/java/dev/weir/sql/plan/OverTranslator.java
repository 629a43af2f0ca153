package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.agg.AggCall;
import dev.weir.sql.runtime.agg.AggCalls;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.sql.runtime.over.RowTimeOverFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates a projection with OVER aggregates ({@code SUM(x) OVER (PARTITION BY k ORDER BY rowtime ROWS|RANGE
 * BETWEEN .. PRECEDING AND CURRENT ROW)}) to a {@link RowTimeOverFunction} keyed by the partition, then one compiled
 * step for the projection with each OVER call read from the aggregated row. As in Flink, the window must be ordered
 * by the input's event time ascending and end at the current row; all OVER calls of a query share one window.
 */
final class OverTranslator {
    private final StreamTranslator translator;

    OverTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    static boolean hasOver(org.apache.calcite.rel.RelNode rel) {
        return rel instanceof Project && RexOver.containsOver(((Project) rel).getProjects(), null);
    }

    Translated translate(Project project) {
        List<RexOver> overs = new ArrayList<>();
        RexShuttle collect = new RexShuttle() {
            @Override
            public RexNode visitOver(RexOver over) {
                if (!overs.contains(over)) {
                    overs.add(over);
                }
                return over;
            }
        };
        for (RexNode p : project.getProjects()) {
            p.accept(collect);
        }
        RexWindow window = overs.get(0).getWindow();
        for (RexOver over : overs) {
            if (!over.getWindow().equals(window)) {
                throw refusal("all OVER aggregates of one SELECT must use the same window (PARTITION BY, ORDER BY and "
                        + "frame); compute the others in a separate query and join them");
            }
            if (over.getKind() == SqlKind.LEAD) {
                throw new ValidationException("LEAD Function is not supported in stream mode (Weir SQL does not support the "
                        + "function LEAD on streaming tables, as Flink); read the row before with LAG instead, e.g. "
                        + "LAG(x) OVER (PARTITION BY k ORDER BY rowtime)");
            }
            if (over.getKind() == SqlKind.ROW_NUMBER || over.getKind() == SqlKind.RANK || over.getKind() == SqlKind.DENSE_RANK) {
                throw refusal(over.getOperator().getName() + "() is supported only for Top-N: filter it, e.g. "
                        + "WHERE rn <= 10, in an outer query");
            }
        }
        Translated in = translator.translate(project.getInput());
        if (in.updating()) {
            throw refusal("OVER aggregates over an updating input are not supported; aggregate an insert-only table");
        }
        if (window.orderKeys.size() != 1 || !(window.orderKeys.get(0).left instanceof RexInputRef)
                || ((RexInputRef) window.orderKeys.get(0).left).getIndex() != in.rowtimeIndex()
                || window.orderKeys.get(0).getDirection() != RelFieldCollation.Direction.ASCENDING) {
            throw refusal("an OVER window must be ordered by the table's event-time attribute, ascending (ORDER BY "
                    + (in.rowtimeIndex() >= 0 ? project.getInput().getRowType().getFieldNames().get(in.rowtimeIndex())
                    : "<the rowtime column, declared with WATERMARK FOR>") + ")");
        }
        RexWindowBound upper = window.getUpperBound();
        if (!upper.isCurrentRow()) {
            throw refusal("an OVER window must end at the CURRENT ROW; FOLLOWING is not supported, as in Flink");
        }
        RexWindowBound lower = window.getLowerBound();
        long preceding;
        if (lower.isUnboundedPreceding()) {
            preceding = -1;
        } else if (lower.isCurrentRow()) {
            preceding = 0;
        } else if (lower.isPreceding() && lower.getOffset() instanceof RexLiteral) {
            Long value = ((RexLiteral) lower.getOffset()).getValueAs(Long.class);
            preceding = value == null ? -1 : value;
        } else {
            throw refusal("an OVER window's lower bound must be UNBOUNDED PRECEDING, CURRENT ROW or a constant PRECEDING");
        }
        int inputArity = project.getInput().getRowType().getFieldCount();
        AggCall[] calls = new AggCall[overs.size()];
        for (int i = 0; i < calls.length; i++) {
            RexOver over = overs.get(i);
            if (over.getKind() == SqlKind.LAG) {
                calls[i] = LagCalls.of(over, translator.compiler());
                continue;
            }
            List<Integer> args = new ArrayList<>();
            for (RexNode operand : over.getOperands()) {
                if (!(operand instanceof RexInputRef)) {
                    throw refusal(over.getOperator().getName() + " OVER takes a column; compute " + operand
                            + " in a subquery first");
                }
                args.add(((RexInputRef) operand).getIndex());
            }
            AggregateCall call = AggregateCall.create((SqlAggFunction) over.getOperator(), over.isDistinct(), args, -1,
                    over.getType(), "w0$o" + i);
            calls[i] = AggCalls.of(call, project.getInput().getRowType(), true);
        }
        Expr[] partition = new Expr[window.partitionKeys.size()];
        List<String> partitionNames = new ArrayList<>();
        for (int i = 0; i < partition.length; i++) {
            partition[i] = translator.compiler().compile(window.partitionKeys.get(i));
            partitionNames.add(StreamTranslator.describe(window.partitionKeys.get(i), project.getInput().getRowType()));
        }
        String rowtimeName = project.getInput().getRowType().getFieldNames().get(in.rowtimeIndex());
        String frame = (window.isRows() ? "ROWS" : "RANG") + " BETWEEN " + (preceding < 0 ? "UNBOUNDED" : preceding)
                + " PRECEDING AND CURRENT ROW";
        String name = "OverAggregate(partitionBy=[" + String.join(", ", partitionNames) + "], orderBy=[" + rowtimeName
                + " ASC], window=[" + frame + "], select=[" + overs.size() + " aggregate(s)])";
        translator.record(name);
        DataStream<Row> aggregated = in.stream().keyBy(new ExprKeySelector(partition))
                .process(new RowTimeOverFunction(in.rowtimeIndex(), window.isRows(), preceding, new SqlAggregate(calls)))
                .name(name);
        RexShuttle overAsColumn = new RexShuttle() {
            @Override
            public RexNode visitOver(RexOver over) {
                return new RexInputRef(inputArity + overs.indexOf(over), over.getType());
            }
        };
        Expr[] outputs = new Expr[project.getProjects().size()];
        int rowtime = -1;
        for (int i = 0; i < outputs.length; i++) {
            RexNode output = project.getProjects().get(i).accept(overAsColumn);
            outputs[i] = translator.compiler().compile(output);
            if (StreamTranslator.passesThrough(output, in.rowtimeIndex())) {
                rowtime = i;
            }
        }
        String calc = "Calc(select=[" + String.join(", ", project.getRowType().getFieldNames()) + "])";
        translator.record(calc);
        DataStream<Row> out = aggregated.flatMap(new CalcFunction(null, outputs)).name(calc);
        return new Translated(out, project.getRowType(), rowtime, false);
    }

    private static ValidationException refusal(String what) {
        return new ValidationException("Weir cannot run this query: " + what + ".");
    }
}
