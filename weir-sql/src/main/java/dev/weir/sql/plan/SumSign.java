package dev.weir.sql.plan;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Whether a SUM only grows or only shrinks, as Flink 2.3's monotonicity analysis finds it from the interval of the
 * summed column: the bounds the filters below the aggregate (and the call's own FILTER) put on it, or a literal. A
 * lower bound of zero or more makes it grow; without a lower bound, an upper bound of zero or less makes it shrink;
 * a lower bound below zero makes it neither, whatever the upper bound (measured on Flink 2.3: {@code BETWEEN -10 AND
 * -1} keeps the retract rank). Only comparisons of the column itself with a literal count, joined by AND, OR and NOT;
 * an expression of the column ({@code price * 2}, a CAST) and {@code <>} give no bound.
 */
final class SumSign {
    private SumSign() {
    }

    /** A closed or open range; a null bound is none. Only a bound's value is compared with zero, as Flink does. */
    private record Bounds(BigDecimal lower, BigDecimal upper) {
        static final Bounds ALL = new Bounds(null, null);

        Bounds and(Bounds other) {
            return new Bounds(lower == null ? other.lower : other.lower == null ? lower : lower.max(other.lower),
                    upper == null ? other.upper : other.upper == null ? upper : upper.min(other.upper));
        }

        Bounds or(Bounds other) {
            return new Bounds(lower == null || other.lower == null ? null : lower.min(other.lower),
                    upper == null || other.upper == null ? null : upper.max(other.upper));
        }

        boolean point() {
            return lower != null && upper != null && lower.compareTo(upper) == 0;
        }

        boolean empty() {
            return lower != null && upper != null && lower.compareTo(upper) > 0;
        }
    }

    /** Whether SUM {@code call} of {@code aggregate} never decreases (its argument is never negative). */
    static boolean grows(Aggregate aggregate, AggregateCall call) {
        Bounds bounds = argumentBounds(aggregate, call);
        return bounds != null && bounds.lower() != null && bounds.lower().signum() >= 0;
    }

    /** Whether SUM {@code call} of {@code aggregate} never increases (its argument has no lower bound, an upper one <= 0). */
    static boolean shrinks(Aggregate aggregate, AggregateCall call) {
        Bounds bounds = argumentBounds(aggregate, call);
        return bounds != null && bounds.lower() == null && bounds.upper() != null && bounds.upper().signum() <= 0;
    }

    private static Bounds argumentBounds(Aggregate aggregate, AggregateCall call) {
        if (call.getArgList().size() != 1) {
            return null;
        }
        int arg = call.getArgList().get(0);
        Bounds bounds = of(aggregate.getInput(), arg);
        if (call.filterArg >= 0) {
            // FILTER (WHERE p): p is a column the aggregate's input computes; its bounds on the argument's source count.
            if (!(aggregate.getInput() instanceof Project project)
                    || !(project.getProjects().get(arg) instanceof RexInputRef source)) {
                return null;
            }
            RexBuilder rex = aggregate.getCluster().getRexBuilder();
            Bounds filtered = predicate(RexUtil.expandSearch(rex, null, project.getProjects().get(call.filterArg)),
                    source.getIndex(), false);
            bounds = bounds == null ? filtered : bounds.and(filtered);
        }
        return bounds == null || bounds.empty() ? null : bounds;
    }

    /** The bounds of column {@code column} of {@code node}'s rows; null when none are known. */
    private static Bounds of(RelNode node, int column) {
        if (node instanceof Project project) {
            RexNode e = project.getProjects().get(column);
            if (e instanceof RexInputRef ref) {
                return of(project.getInput(), ref.getIndex());
            }
            BigDecimal value = e instanceof RexLiteral literal ? number(literal) : null;
            return value == null ? null : new Bounds(value, value);
        }
        if (node instanceof Union union) {
            // A UNION ALL's column is bounded as loosely as its loosest input.
            Bounds bounds = null;
            for (RelNode input : union.getInputs()) {
                Bounds one = of(input, column);
                if (one == null) {
                    return null;
                }
                bounds = bounds == null ? one : bounds.or(one);
            }
            return bounds;
        }
        if (node instanceof Filter filter) {
            RexBuilder rex = filter.getCluster().getRexBuilder();
            Bounds below = of(filter.getInput(), column);
            Bounds bounds = predicate(RexUtil.expandSearch(rex, null, filter.getCondition()), column, false);
            Bounds both = below == null ? bounds : below.and(bounds);
            // A WHERE clause that pins the column to one value gives no bound (Flink 2.3's EXPLAIN: i = 5, IN (5),
            // BETWEEN 5 AND 5, i = 5 AND i >= 0 keep the retract rank on INT, BIGINT, DOUBLE and DECIMAL; i = 5 OR
            // i = 6 and the call's FILTER (WHERE i = 5) do not).
            return both.point() ? null : both;
        }
        return null;
    }

    /**
     * The bounds {@code condition}, when true, puts on column {@code column}; {@link Bounds#ALL} for none. Under an OR
     * ({@code inOr}), a comparison that reads the column through a cast gives none: Flink 2.3's EXPLAIN keeps the retract
     * rank for {@code m = 5 OR m = 6} on a DECIMAL(10, 2) m (compared as CAST(m AS DECIMAL(12, 2))), {@code i = 5 OR i =
     * 6.5} on an INT or BIGINT, and picks update-fast for {@code m = 5.5 OR m = 6.5}, {@code i = 5 OR i = 6} and on a
     * DOUBLE (whose literal is cast, not the column), as for a single comparison through a cast ({@code m > 0}).
     */
    private static Bounds predicate(RexNode condition, int column, boolean inOr) {
        if (!(condition instanceof RexCall call)) {
            return Bounds.ALL;
        }
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case AND: {
                Bounds bounds = Bounds.ALL;
                for (RexNode operand : operands) {
                    bounds = bounds.and(predicate(operand, column, inOr));
                }
                return bounds;
            }
            case OR: {
                Bounds bounds = null;
                for (RexNode operand : operands) {
                    Bounds one = predicate(operand, column, true);
                    bounds = bounds == null ? one : bounds.or(one);
                }
                return bounds == null ? Bounds.ALL : bounds;
            }
            case IS_TRUE:
                return predicate(operands.get(0), column, inOr); // FILTER (WHERE p) reads IS TRUE(p)
            case NOT:
                // NOT (price <= 0) is price > 0 (a NULL price passes neither).
                return operands.get(0) instanceof RexCall negated && isComparison(negated.getKind())
                        && isComparison(negated.getKind().negateNullSafe())
                        ? comparison(negated.getKind().negateNullSafe(), negated.getOperands(), column, inOr) : Bounds.ALL;
            default:
                return isComparison(call.getKind()) ? comparison(call.getKind(), operands, column, inOr) : Bounds.ALL;
        }
    }

    private static boolean isComparison(SqlKind kind) {
        return kind == SqlKind.EQUALS || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL
                || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
    }

    /**
     * {@code column kind literal} or {@code literal kind column}, either side possibly under a cast the comparison's
     * types added; {@link Bounds#ALL} for another comparison.
     */
    private static Bounds comparison(SqlKind kind, List<RexNode> operands, int column, boolean inOr) {
        SqlKind k = kind;
        RexNode left = column(operands.get(0));
        RexNode right = literal(operands.get(1));
        boolean cast = left != operands.get(0);
        if (!(left instanceof RexInputRef)) {
            left = column(operands.get(1));
            right = literal(operands.get(0));
            cast = left != operands.get(1);
            k = k.reverse();
        }
        if (inOr && cast) {
            return Bounds.ALL;
        }
        if (!(left instanceof RexInputRef ref) || ref.getIndex() != column || !(right instanceof RexLiteral literal)) {
            return Bounds.ALL;
        }
        BigDecimal value = number(literal);
        if (value == null) {
            return Bounds.ALL;
        }
        return switch (k) {
            case EQUALS -> new Bounds(value, value);
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> new Bounds(value, null);
            default -> new Bounds(null, value);
        };
    }

    /** The column under a cast that keeps every value (a DECIMAL(10, 2) compared as DECIMAL(12, 2)); else {@code e}. */
    private static RexNode column(RexNode e) {
        return e.isA(SqlKind.CAST) && RexUtil.isLosslessCast(e) && ((RexCall) e).getOperands().get(0) instanceof RexInputRef ref
                ? ref : e;
    }

    /** The literal under a cast the planner left unreduced ({@code d > CAST(0):DOUBLE}); else {@code e}. */
    private static RexNode literal(RexNode e) {
        return e.isA(SqlKind.CAST) && ((RexCall) e).getOperands().get(0) instanceof RexLiteral literal ? literal : e;
    }

    private static BigDecimal number(RexLiteral literal) {
        if (literal.isNull() || !org.apache.calcite.sql.type.SqlTypeUtil.isNumeric(literal.getType())) {
            return null;
        }
        return literal.getValueAs(BigDecimal.class);
    }
}
