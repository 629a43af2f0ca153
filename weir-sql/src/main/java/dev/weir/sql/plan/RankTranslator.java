package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.rank.AppendOnlyTopNFunction;
import dev.weir.sql.runtime.rank.ProcTimeDeduplicateFunction;
import dev.weir.sql.runtime.rank.RetractableTopNFunction;
import dev.weir.sql.runtime.rank.RowTimeDeduplicateFunction;
import dev.weir.sql.runtime.rank.SortKeyComparator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.table.api.TableException;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates Top-N and deduplication: {@code SELECT .. FROM (SELECT .., ROW_NUMBER() OVER (PARTITION BY ..
 * ORDER BY ..) AS rn FROM t) WHERE rn <= N}, optionally under a projection. Ordered by the input's event time with
 * {@code rn = 1} and the row number not selected, it is Flink's deduplication (keep first for ASC, keep last for
 * DESC); otherwise an append-only Top-N, or Flink's retract Top-N over an updating input. The filter on the row number
 * is a rank range ({@code rn <= N}, {@code rn BETWEEN K AND N}, {@code rn = K}, ...); a range from rank 2 or later ranks
 * with the row number and projects it away, a Top-1 ranks without it (it is the constant 1), as Flink 2.3's plans do. RANK() and DENSE_RANK() are
 * refused as Flink 2.3 refuses them on streaming tables. The rank runs on the input rows with the row number appended;
 * one compiled step after it computes the query's columns and the filter's other conditions.
 */
final class RankTranslator {
    private final StreamTranslator translator;

    RankTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** Whether {@code filter} filters a projection holding a ROW_NUMBER: the plan this class translates. */
    static boolean isRank(RelNode filter) {
        return filter instanceof Filter && rankOver(((Filter) filter).getInput()) >= 0;
    }

    /** The index of the ROW_NUMBER in {@code node} if it is a projection with exactly one window function, that one; else -1. */
    private static int rankOver(RelNode node) {
        if (!(node instanceof Project)) {
            return -1;
        }
        List<RexNode> projects = ((Project) node).getProjects();
        int found = -1;
        for (int i = 0; i < projects.size(); i++) {
            if (RexOver.containsOver(projects.get(i))) {
                if (found >= 0 || !(projects.get(i) instanceof RexOver) || !isRankFunction(projects.get(i).getKind())) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static boolean isRankFunction(SqlKind kind) {
        return kind == SqlKind.ROW_NUMBER || kind == SqlKind.RANK || kind == SqlKind.DENSE_RANK;
    }

    /** Translates {@code top} (a Project over a rank filter, or the rank filter itself); null if it is no such plan. */
    Translated tryTranslate(RelNode top) {
        Project outer = top instanceof Project && isRank(((Project) top).getInput()) ? (Project) top : null;
        if (outer == null && !isRank(top)) {
            return null;
        }
        Filter filter = (Filter) (outer != null ? outer.getInput() : top);
        Project rankProject = RankInputTrim.apply((Project) filter.getInput());
        int rnIndex = rankOver(rankProject);
        RexOver over = (RexOver) rankProject.getProjects().get(rnIndex);
        if (over.getKind() != SqlKind.ROW_NUMBER) {
            // Flink 2.3's planner refuses them on streaming tables with this message.
            throw new TableException(over.getKind().sql + "() on streaming table is not supported currently; write "
                    + "ROW_NUMBER() (rows with equal ORDER BY values then rank in arrival order)");
        }
        RelNode input = rankProject.getInput();
        int inputArity = input.getRowType().getFieldCount();
        RexBuilder rexBuilder = top.getCluster().getRexBuilder();

        // The rank's range: rn <= N, rn < N, rn = K, rn >= K, rn > K, BETWEEN (either way round); other conjuncts filter
        // the result. Flink's rankRange=[rankStart=K, rankEnd=N].
        long start = 1;
        long n = -1;
        List<RexNode> otherConditions = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(RexUtil.expandSearch(rexBuilder, null, filter.getCondition()))) {
            long[] bound = rankBound(conjunct, rnIndex);
            if (bound == null) {
                otherConditions.add(conjunct);
            } else if (bound.length == 0) {
                throw refusal(filter, "the row number's filter must compare it with a number (rn <= N, rn < N, rn = K, "
                        + "rn >= K, rn > K, rn BETWEEN K AND N) joined with the others by AND");
            } else {
                start = Math.max(start, bound[0]);
                n = bound[1] < 0 ? n : n < 0 ? bound[1] : Math.min(n, bound[1]);
            }
        }
        if (n < 0) {
            throw refusal(filter, "ROW_NUMBER() needs a filter with an upper bound such as WHERE rn <= 10 (Top-N); unbounded "
                    + "ROW_NUMBER() is not supported");
        }
        if (start > n) {
            throw refusal(filter, "the row number's filter keeps no rank (from " + start + " to " + n + "); write a range "
                    + "such as rn BETWEEN 1 AND " + Math.max(n, 1));
        }
        // The rank's output row: the input's columns, then the row number. The rank projection's expressions and the
        // outer projection are rewritten over it.
        // A Top-1 (rn = 1, rn <= 1, rn < 2) makes the row number a constant: as in Flink's plan, the rank runs without
        // it and the projection writes 1, so that rn = 1 with rn selected emits Flink's changelog of a Top-1 without it.
        long onlyRank = n == 1 ? 1 : -1;
        RexShuttle overAsRowNumber = new RexShuttle() {
            @Override
            public RexNode visitOver(RexOver o) {
                return onlyRank > 0 ? rexBuilder.makeExactLiteral(java.math.BigDecimal.valueOf(onlyRank), o.getType())
                        : new RexInputRef(inputArity, o.getType());
            }
        };
        List<RexNode> rankColumns = new ArrayList<>();
        for (RexNode p : rankProject.getProjects()) {
            rankColumns.add(p.accept(overAsRowNumber));
        }
        List<RexNode> outputs = new ArrayList<>();
        if (outer != null) {
            for (RexNode p : outer.getProjects()) {
                outputs.add(substitute(p, rankColumns));
            }
        } else {
            outputs.addAll(rankColumns);
        }
        RexNode postFilter = otherConditions.isEmpty() ? null
                : substitute(RexUtil.composeConjunction(rexBuilder, otherConditions), rankColumns);
        boolean rowNumberShown = false;
        for (RexNode o : outputs) {
            rowNumberShown |= RelOptUtil.InputFinder.bits(o).get(inputArity);
        }
        if (postFilter != null && RelOptUtil.InputFinder.bits(postFilter).get(inputArity)) {
            rowNumberShown = true;
        }

        Translated in = translator.translate(input);
        List<RexFieldCollation> orderKeys = over.getWindow().orderKeys;
        if (orderKeys.isEmpty()) {
            throw refusal(filter, "ROW_NUMBER() needs an ORDER BY in its OVER clause");
        }
        Expr[] partition = new Expr[over.getWindow().partitionKeys.size()];
        for (int i = 0; i < partition.length; i++) {
            partition[i] = translator.compiler().compile(over.getWindow().partitionKeys.get(i));
        }
        KeyedProcessFunction<Object, Row, Row> function;
        String name;
        String partitionNames = describeAll(over.getWindow().partitionKeys, input);
        boolean onRowtime = orderKeys.size() == 1 && orderKeys.get(0).left instanceof RexInputRef
                && ((RexInputRef) orderKeys.get(0).left).getIndex() == in.rowtimeIndex();
        boolean onProcTime = !onRowtime && orderKeys.size() == 1 && orderKeys.get(0).left instanceof RexInputRef
                && ProcTimeAttributes.isProcTime(input, ((RexInputRef) orderKeys.get(0).left).getIndex(), translator);
        if (onProcTime && n == 1 && !rowNumberShown && !in.updating()) {
            boolean keepLast = orderKeys.get(0).getDirection() == RelFieldCollation.Direction.DESCENDING;
            function = new ProcTimeDeduplicateFunction(keepLast);
            name = "Deduplicate(keep=[" + (keepLast ? "LastRow" : "FirstRow") + "], key=[" + partitionNames
                    + "], order=[PROCTIME])";
        } else if (onRowtime && n == 1 && !rowNumberShown && !in.updating()) {
            boolean keepLast = orderKeys.get(0).getDirection() == RelFieldCollation.Direction.DESCENDING;
            function = new RowTimeDeduplicateFunction(in.rowtimeIndex(), keepLast);
            name = "Deduplicate(keep=[" + (keepLast ? "LastRow" : "FirstRow") + "], key=[" + partitionNames
                    + "], order=[ROWTIME])";
        } else {
            Expr[] keys = new Expr[orderKeys.size()];
            boolean[] descending = new boolean[keys.length];
            boolean[] nullsFirst = new boolean[keys.length];
            for (int i = 0; i < keys.length; i++) {
                RexFieldCollation key = orderKeys.get(i);
                keys[i] = translator.compiler().compile(key.left);
                descending[i] = key.getDirection() == RelFieldCollation.Direction.DESCENDING;
                // Calcite reports its own default (NULLS LAST ascending) when none is written; Flink's is the reverse.
                nullsFirst[i] = key.right.contains(SqlKind.NULLS_FIRST) || (!key.right.contains(SqlKind.NULLS_LAST) && !descending[i]);
            }
            SortKeyComparator comparator = new SortKeyComparator(keys, descending, nullsFirst);
            // An updating input retracts rows, which can lift a row from below the top N: Flink's retract strategy,
            // or its update-fast one where each row's sort key only moves one way (UpdateFastRank).
            int[] uniqueKey = in.updating() ? UpdateFastRank.uniqueKey(input, over.getWindow().partitionKeys, orderKeys,
                    translator::scannedInsertOnly) : null;
            // A range starting below rank 1 ranks with the row number and projects it away: Flink 2.3's changelog is
            // then the row-numbered one without the number.
            boolean withRowNumber = rowNumberShown || start > 1;
            function = in.updating() ? new RetractableTopNFunction(comparator, start, n, withRowNumber, uniqueKey != null)
                    : new AppendOnlyTopNFunction(comparator, start, n, withRowNumber);
            String strategy = !in.updating() ? "AppendFastStrategy"
                    : uniqueKey != null ? UpdateFastRank.describe(uniqueKey) : "RetractStrategy";
            name = "Rank(strategy=[" + strategy + "], rankType=[ROW_NUMBER], rankRange=[rankStart=" + start + ", rankEnd=" + n
                    + "], partitionBy=[" + partitionNames + "], orderBy=[" + describeOrder(orderKeys, input)
                    + "], select=[" + String.join(", ", input.getRowType().getFieldNames()) + ", w0$o0])";
        }
        translator.record(name);
        boolean byValue = partition.length == 1
                && GroupKeySelector.keysByValue(over.getWindow().partitionKeys.get(0).getType().getSqlTypeName());
        DataStream<Row> ranked = in.stream().keyBy(GroupKeySelector.ofExpressions(partition, byValue)).process(function)
                .name(name);
        Expr[] compiled = new Expr[outputs.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = translator.compiler().compile(outputs.get(i));
        }
        Expr condition = postFilter == null ? null : translator.compiler().compile(postFilter);
        DataStream<Row> out = ranked;
        // SELECT * over the rank (q19) selects its rows, the row number appended, as they are: no Calc copying each of
        // its -U/+U rows, as Flink's plan has none.
        if (condition != null || !selectsAsIs(outputs, inputArity + 1)) {
            String calc = "Calc(select=[" + String.join(", ", top.getRowType().getFieldNames()) + "])";
            translator.record(calc);
            out = ranked.flatMap(new CalcFunction(condition, compiled)).name(calc);
        }
        // Deduplication on the rowtime keeps the time attribute, as in Flink: its keep-last view is a versioned table.
        int rowtime = -1;
        for (int i = 0; i < outputs.size() && function instanceof RowTimeDeduplicateFunction; i++) {
            if (StreamTranslator.passesThrough(outputs.get(i), in.rowtimeIndex())) {
                rowtime = i;
            }
        }
        // Keep-first on processing time never replaces its row: insert-only, as in Flink.
        boolean insertOnly = function instanceof ProcTimeDeduplicateFunction
                && !((ProcTimeDeduplicateFunction) function).keepsLast();
        return new Translated(out, top.getRowType(), rowtime, !insertOnly);
    }

    /** True when {@code outputs} are the columns 0 to {@code arity - 1} of their input, in order. */
    private static boolean selectsAsIs(List<RexNode> outputs, int arity) {
        if (outputs.size() != arity) {
            return false;
        }
        for (int i = 0; i < arity; i++) {
            if (!(outputs.get(i) instanceof RexInputRef) || ((RexInputRef) outputs.get(i)).getIndex() != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ranks {@code conjunct} keeps as {from, to} (to -1 for no upper bound); null if it does not name the row
     * number; an empty array if it names it in a way no Top-N reads.
     */
    private static long[] rankBound(RexNode conjunct, int rnIndex) {
        if (!RelOptUtil.InputFinder.bits(conjunct).get(rnIndex)) {
            return null;
        }
        if (!(conjunct instanceof RexCall) || ((RexCall) conjunct).getOperands().size() != 2) {
            return new long[0];
        }
        RexNode a = ((RexCall) conjunct).getOperands().get(0);
        RexNode b = ((RexCall) conjunct).getOperands().get(1);
        SqlKind kind = conjunct.getKind();
        if (b instanceof RexInputRef && a instanceof RexLiteral) {
            RexNode t = a;
            a = b;
            b = t;
            kind = kind.reverse();
        }
        if (!(a instanceof RexInputRef) || ((RexInputRef) a).getIndex() != rnIndex || !(b instanceof RexLiteral)) {
            return new long[0];
        }
        Long value = ((RexLiteral) b).getValueAs(Long.class);
        if (value == null) {
            return new long[0];
        }
        switch (kind) {
            case LESS_THAN_OR_EQUAL:
                return new long[] {1, value};
            case LESS_THAN:
                return new long[] {1, value - 1};
            case EQUALS:
                return new long[] {value, value};
            case GREATER_THAN_OR_EQUAL:
                return new long[] {value, -1};
            case GREATER_THAN:
                return new long[] {value + 1, -1};
            default:
                return new long[0];
        }
    }

    private static RexNode substitute(RexNode node, List<RexNode> columns) {
        return node.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return columns.get(ref.getIndex());
            }
        });
    }

    /** Flink's {@code orderBy=[total DESC, supplier ASC]}. */
    private static String describeOrder(List<RexFieldCollation> keys, RelNode input) {
        List<String> parts = new ArrayList<>();
        for (RexFieldCollation k : keys) {
            parts.add(StreamTranslator.describe(k.left, input.getRowType())
                    + (k.getDirection() == RelFieldCollation.Direction.DESCENDING ? " DESC" : " ASC"));
        }
        return String.join(", ", parts);
    }

    private static String describeAll(List<RexNode> nodes, RelNode input) {
        List<String> parts = new ArrayList<>();
        for (RexNode node : nodes) {
            parts.add(StreamTranslator.describe(node, input.getRowType()));
        }
        return String.join(", ", parts);
    }

    private static ValidationException refusal(RelNode at, String what) {
        return new ValidationException("Weir cannot run this query: " + what + ".");
    }
}
