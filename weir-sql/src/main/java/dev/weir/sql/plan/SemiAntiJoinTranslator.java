package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.join.SemiAntiJoinFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.types.Row;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * Translates a semi or anti join (from {@link SubQueryJoinRewrite}) into a {@link SemiAntiJoinFunction} keyed by the
 * condition's equalities (the empty key when there are none). Its output is the left rows; it is updating when an
 * input is, and for an anti join always (a right row arriving retracts the left rows it matches).
 */
final class SemiAntiJoinTranslator {
    private final StreamTranslator translator;

    SemiAntiJoinTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    Translated translate(Join join) {
        boolean anti = join.getJoinType() == JoinRelType.ANTI;
        Translated left = translator.translate(join.getLeft());
        Translated right = translator.translate(join.getRight());
        int leftCount = join.getLeft().getRowType().getFieldCount();
        int rightCount = join.getRight().getRowType().getFieldCount();
        JoinCondition condition = JoinCondition.of(join.getCondition(), leftCount, rightCount, -1, -1);
        Expr[] leftKeys = translator.compile(condition.leftKeys);
        Expr[] rightKeys = translator.compile(condition.rightKeys);
        boolean[] nullKeysNeverMatch = condition.nullKeysNeverMatchFlags();
        RexNode rest = condition.restCondition(join.getCluster().getRexBuilder());
        Expr restExpr = rest == null ? null : translator.compiler().compile(rest);
        Duration ttl = translator.stateTtl();
        RelDataType joined = SqlValidatorUtil.deriveJoinRowType(join.getLeft().getRowType(), join.getRight().getRowType(),
                JoinRelType.INNER, join.getCluster().getTypeFactory(), null, List.of());
        String name = "Join(joinType=[" + (anti ? "LeftAntiJoin" : "LeftSemiJoin") + "], where=["
                + StreamTranslator.describe(join.getCondition(), joined) + "], select=["
                + String.join(", ", join.getRowType().getFieldNames()) + "]"
                + (ttl.isZero() ? "" : ", stateTtl=[" + ttl.toMillis() + " ms]") + ")";
        translator.record(name);
        boolean byValue = JoinTranslator.keysByValue(condition.leftKeys, condition.rightKeys);
        DataStream<Row> out = left.stream().connect(right.stream())
                .keyBy(GroupKeySelector.ofExpressions(leftKeys, byValue), GroupKeySelector.ofExpressions(rightKeys, byValue))
                .process(new SemiAntiJoinFunction(anti, nullKeysNeverMatch, leftCount, rightCount, restExpr, ttl)).name(name);
        return new Translated(out, join.getRowType(), -1, anti || left.updating() || right.updating());
    }
}
