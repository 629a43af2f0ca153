package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A join's ON clause taken apart: the equalities between a left and a right expression (the key), the bounds on
 * {@code leftRowtime - rightRowtime} that make it an interval join, and the rest (evaluated on each candidate pair).
 */
final class JoinCondition {
    final List<RexNode> leftKeys = new ArrayList<>();
    /** Over the right row (input references shifted to start at 0). */
    final List<RexNode> rightKeys = new ArrayList<>();
    final List<Boolean> nullKeysNeverMatch = new ArrayList<>();
    final List<RexNode> rest = new ArrayList<>();
    long lowerBound = Long.MIN_VALUE;
    long upperBound = Long.MAX_VALUE;

    private JoinCondition() {
    }

    /** Splits {@code condition} over a row of {@code leftCount} left then right columns. */
    static JoinCondition of(RexNode condition, int leftCount, int rightCount, int leftRowtime, int rightRowtime) {
        JoinCondition c = new JoinCondition();
        ImmutableBitSet left = ImmutableBitSet.range(0, leftCount);
        ImmutableBitSet right = ImmutableBitSet.range(leftCount, leftCount + rightCount);
        List<RexNode> timeBounds = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (conjunct.isAlwaysTrue()) {
                continue;
            }
            if (conjunct.getKind() == SqlKind.EQUALS || conjunct.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
                RexNode a = ((RexCall) conjunct).getOperands().get(0);
                RexNode b = ((RexCall) conjunct).getOperands().get(1);
                ImmutableBitSet aBits = RelOptUtil.InputFinder.bits(a);
                ImmutableBitSet bBits = RelOptUtil.InputFinder.bits(b);
                boolean aLeft = !aBits.isEmpty() && left.contains(aBits);
                boolean bRight = !bBits.isEmpty() && right.contains(bBits);
                boolean aRight = !aBits.isEmpty() && right.contains(aBits);
                boolean bLeft = !bBits.isEmpty() && left.contains(bBits);
                if ((aLeft && bRight) || (aRight && bLeft)) {
                    c.leftKeys.add(aLeft ? a : b);
                    c.rightKeys.add(RexUtil.shift(aLeft ? b : a, -leftCount));
                    c.nullKeysNeverMatch.add(conjunct.getKind() == SqlKind.EQUALS);
                    continue;
                }
            }
            if (leftRowtime >= 0 && rightRowtime >= 0 && c.timeBound(conjunct, leftRowtime, leftCount + rightRowtime)) {
                timeBounds.add(conjunct);
                continue;
            }
            c.rest.add(conjunct);
        }
        if (!c.isInterval()) {
            // One bound alone is no interval join: the comparison stays a plain condition of a regular join.
            c.rest.addAll(timeBounds);
            c.lowerBound = Long.MIN_VALUE;
            c.upperBound = Long.MAX_VALUE;
        }
        return c;
    }

    /** {@link #nullKeysNeverMatch} as the runtime takes it: per key column, whether a NULL matches nothing. */
    boolean[] nullKeysNeverMatchFlags() {
        boolean[] flags = new boolean[nullKeysNeverMatch.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = nullKeysNeverMatch.get(i);
        }
        return flags;
    }

    boolean isInterval() {
        return lowerBound != Long.MIN_VALUE && upperBound != Long.MAX_VALUE;
    }

    /** The rest of the condition as one expression over the joined row, or null when there is none. */
    RexNode restCondition(RexBuilder rexBuilder) {
        return rest.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, rest);
    }

    /** Reads {@code l + a op r + b} (either way round) into a bound on {@code l - r}; false if it is no such bound. */
    private boolean timeBound(RexNode conjunct, int leftTime, int rightTime) {
        SqlKind kind = conjunct.getKind();
        if (kind != SqlKind.GREATER_THAN && kind != SqlKind.GREATER_THAN_OR_EQUAL && kind != SqlKind.LESS_THAN
                && kind != SqlKind.LESS_THAN_OR_EQUAL) {
            return false;
        }
        long[] a = timePlusOffset(((RexCall) conjunct).getOperands().get(0));
        long[] b = timePlusOffset(((RexCall) conjunct).getOperands().get(1));
        if (a == null || b == null) {
            return false;
        }
        long bound;
        if (a[0] == leftTime && b[0] == rightTime) {
            bound = b[1] - a[1]; // l + a op r + b  =>  l - r op b - a
        } else if (a[0] == rightTime && b[0] == leftTime) {
            bound = a[1] - b[1]; // r + a op l + b  =>  l - r (flipped op) a - b
            kind = kind.reverse();
        } else {
            return false;
        }
        switch (kind) {
            case GREATER_THAN:
                lowerBound = Math.max(lowerBound, bound + 1);
                break;
            case GREATER_THAN_OR_EQUAL:
                lowerBound = Math.max(lowerBound, bound);
                break;
            case LESS_THAN:
                upperBound = Math.min(upperBound, bound - 1);
                break;
            default:
                upperBound = Math.min(upperBound, bound);
        }
        return true;
    }

    /** {@code [column, offset ms]} for a column, or a column plus or minus a day-time interval literal; else null. */
    private static long[] timePlusOffset(RexNode node) {
        if (node instanceof RexInputRef) {
            return new long[] {((RexInputRef) node).getIndex(), 0};
        }
        if ((node.getKind() == SqlKind.PLUS || node.getKind() == SqlKind.MINUS) && node instanceof RexCall) {
            List<RexNode> ops = ((RexCall) node).getOperands();
            if (ops.get(0) instanceof RexInputRef && ops.get(1) instanceof RexLiteral
                    && ops.get(1).getType().getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
                Long millis = ((RexLiteral) ops.get(1)).getValueAs(Long.class);
                if (millis == null) {
                    return null;
                }
                return new long[] {((RexInputRef) ops.get(0)).getIndex(), node.getKind() == SqlKind.PLUS ? millis : -millis};
            }
        }
        return null;
    }
}
