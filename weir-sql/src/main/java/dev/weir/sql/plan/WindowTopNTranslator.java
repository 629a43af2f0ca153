package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.sql.runtime.WindowTopNFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates Flink's window Top-N and window deduplication: {@code ROW_NUMBER() OVER (PARTITION BY window_start,
 * window_end [, k...] ORDER BY ...)} filtered by {@code rn <= N} (or {@code rn < N}, {@code rn = 1}) over a window
 * table function or a window aggregate, with an optional projection above. The partition must hold the columns named
 * {@code window_start} and {@code window_end} of the input; other ROW_NUMBER queries are left to the caller.
 */
final class WindowTopNTranslator {
    private final StreamTranslator translator;

    WindowTopNTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** The window Top-N of {@code rel} (a Filter, or a Project over one), or null when it is not one. */
    Translated tryTranslate(RelNode rel) {
        Project outer = null;
        RelNode node = rel;
        if (node instanceof Project && !hasOver((Project) node)) {
            outer = (Project) node;
            node = outer.getInput();
        }
        if (!(node instanceof Filter) || !(((Filter) node).getInput() instanceof Project)) {
            return null;
        }
        Filter filter = (Filter) node;
        Project ranked = (Project) filter.getInput();
        int rankField = -1;
        RexOver over = null;
        int[] outputFields = new int[ranked.getProjects().size()];
        for (int i = 0; i < outputFields.length; i++) {
            RexNode p = ranked.getProjects().get(i);
            if (p instanceof RexOver && over == null) {
                over = (RexOver) p;
                rankField = i;
                outputFields[i] = -1;
            } else if (p instanceof RexInputRef) {
                outputFields[i] = ((RexInputRef) p).getIndex();
            } else {
                return null;
            }
        }
        if (over == null || (over.getOperator().getKind() != SqlKind.ROW_NUMBER && over.getOperator().getKind() != SqlKind.RANK
                && over.getOperator().getKind() != SqlKind.DENSE_RANK)) {
            return null;
        }
        List<String> inputNames = ranked.getInput().getRowType().getFieldNames();
        int[] partition = over.getWindow().partitionKeys.stream().mapToInt(k -> ((RexInputRef) k).getIndex()).toArray();
        int windowEnd = -1;
        boolean hasStart = false;
        for (int k : partition) {
            hasStart |= inputNames.get(k).equals("window_start");
            windowEnd = inputNames.get(k).equals("window_end") ? k : windowEnd;
        }
        if (!hasStart || windowEnd < 0) {
            return null;
        }
        if (over.getOperator().getKind() != SqlKind.ROW_NUMBER) {
            // Flink 2.3's message for them.
            throw new dev.weir.table.api.TableException(over.getOperator().getKind().sql + "() function is not supported on "
                    + "Window TopN currently, only ROW_NUMBER() is supported.");
        }
        long n = limit(filter.getCondition(), rankField);
        if (n < 0) {
            return null;
        }
        Translated in = translator.translate(ranked.getInput());
        if (in.updating()) {
            throw new ValidationException("Window Top-N needs an insert-only input (a window table function or a window "
                    + "aggregate), not an updating GROUP BY");
        }
        List<RelFieldCollation> collations = over.getWindow().orderKeys.stream().map(k -> collation(k)).toList();
        int[] fields = new int[collations.size()];
        boolean[] descending = new boolean[fields.length];
        boolean[] nullsFirst = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = collations.get(i).getFieldIndex();
            descending[i] = collations.get(i).getDirection().isDescending();
            RelFieldCollation.NullDirection nulls = collations.get(i).nullDirection;
            // Unspecified, NULL sorts as the lowest value, as in Flink: first ascending, last descending.
            nullsFirst[i] = nulls == RelFieldCollation.NullDirection.UNSPECIFIED ? !descending[i]
                    : nulls == RelFieldCollation.NullDirection.FIRST;
        }
        // Flink's window deduplication (ORDER BY the time attribute DESC, rn = 1) lets the last arrival win a tie.
        boolean keepsLastRowByTime = n == 1 && fields.length == 1 && descending[0]
                && (fields[0] == in.rowtimeIndex() || isWindowTimeColumn(ranked.getInput(), fields[0]));
        String name = "WindowRank(rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=" + n + "], partitionBy=["
                + StreamTranslator.names(partition, ranked.getInput().getRowType()) + "], orderBy=["
                + StreamTranslator.names(fields, ranked.getInput().getRowType()) + "])";
        translator.record(name);
        DataStream<Row> out = in.stream().keyBy(new RowKeySelector(partition))
                .process(new WindowTopNFunction(windowEnd, outputFields, rankField,
                        new WindowTopNFunction.RowOrder(fields, descending, nullsFirst), n, keepsLastRowByTime)).name(name);
        int rowtime = -1;
        for (int i = 0; i < outputFields.length; i++) {
            if (outputFields[i] >= 0 && outputFields[i] == in.rowtimeIndex()) {
                rowtime = i;
            }
        }
        if (outer == null) {
            return new Translated(out, filter.getRowType(), rowtime, false);
        }
        Expr[] projections = new Expr[outer.getProjects().size()];
        int outerRowtime = -1;
        for (int i = 0; i < projections.length; i++) {
            projections[i] = translator.compiler().compile(outer.getProjects().get(i));
            if (rowtime >= 0 && StreamTranslator.passesThrough(outer.getProjects().get(i), rowtime)) {
                outerRowtime = i;
            }
        }
        String calc = StreamTranslator.describeCalc(outer.getProjects(), null, filter.getRowType(), outer.getRowType());
        translator.record(calc);
        return new Translated(out.flatMap(new CalcFunction(null, projections)).name(calc), outer.getRowType(), outerRowtime, false);
    }

    /** Whether {@code field} of {@code rel} is, through projections, the DESCRIPTOR column of a window table function. */
    private static boolean isWindowTimeColumn(RelNode rel, int field) {
        RelNode node = rel;
        int f = field;
        while (node instanceof Project) {
            RexNode p = ((Project) node).getProjects().get(f);
            if (!(p instanceof RexInputRef)) {
                return false;
            }
            f = ((RexInputRef) p).getIndex();
            node = ((Project) node).getInput();
        }
        if (!(node instanceof org.apache.calcite.rel.core.TableFunctionScan)
                || !(((org.apache.calcite.rel.core.TableFunctionScan) node).getCall() instanceof RexCall)) {
            return false;
        }
        for (RexNode operand : ((RexCall) ((org.apache.calcite.rel.core.TableFunctionScan) node).getCall()).getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR) {
                RexNode column = ((RexCall) operand).getOperands().get(0);
                return column instanceof RexInputRef && ((RexInputRef) column).getIndex() == f;
            }
        }
        return false;
    }

    private static boolean hasOver(Project project) {
        return project.getProjects().stream().anyMatch(p -> p instanceof RexOver);
    }

    private static RelFieldCollation collation(org.apache.calcite.rex.RexFieldCollation key) {
        int field = ((RexInputRef) key.left).getIndex();
        RelFieldCollation.Direction direction = key.getDirection();
        RelFieldCollation.NullDirection nulls = key.getNullDirection();
        return new RelFieldCollation(field, direction, nulls);
    }

    /** N of {@code rn <= N}, {@code rn < N + 1} or {@code rn = 1} on the rank column, or -1 for any other condition. */
    private static long limit(RexNode condition, int rankField) {
        if (!(condition instanceof RexCall)) {
            return -1;
        }
        RexCall call = (RexCall) condition;
        if (call.getOperands().size() != 2 || !(call.getOperands().get(0) instanceof RexInputRef)
                || ((RexInputRef) call.getOperands().get(0)).getIndex() != rankField || !(call.getOperands().get(1) instanceof RexLiteral)) {
            return -1;
        }
        long value = ((RexLiteral) call.getOperands().get(1)).getValueAs(BigDecimal.class).longValue();
        switch (call.getKind()) {
            case LESS_THAN_OR_EQUAL:
                return value;
            case LESS_THAN:
                return value - 1;
            case EQUALS:
                return value == 1 ? 1 : -1;
            default:
                return -1;
        }
    }
}
