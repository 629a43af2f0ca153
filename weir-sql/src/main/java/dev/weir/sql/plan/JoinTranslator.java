package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.sql.runtime.join.InsertOnlyInnerJoinFunction;
import dev.weir.sql.runtime.join.IntervalJoinFunction;
import dev.weir.sql.runtime.join.RegularJoinFunction;
import dev.weir.sql.runtime.join.RowPacking;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a join: both inputs keyed by the equi-join key, into an {@link IntervalJoinFunction} when the ON clause
 * bounds the two sides' event times against each other on insert-only inputs (output insert-only), else into a
 * {@link RegularJoinFunction} (output updating for an outer join or an updating input; an inner join of insert-only
 * inputs keeps plain row lists, {@link InsertOnlyInnerJoinFunction}), as Flink's planner chooses. A
 * join without an equality (a cross join, {@code ON TRUE}, or only other conditions) is keyed by the empty key, so all
 * its rows meet in one subtask, as in Flink.
 */
final class JoinTranslator {
    private final StreamTranslator translator;

    JoinTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    Translated translate(Join join) {
        JoinRelType type = join.getJoinType();
        if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
            return new SemiAntiJoinTranslator(translator).translate(join);
        }
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
            throw new ValidationException("Weir cannot run this query: " + type + " joins are not supported yet; write an "
                    + "inner, left, right or full join instead.");
        }
        Translated left = translator.translate(join.getLeft());
        Translated right = translator.translate(join.getRight());
        int leftCount = join.getLeft().getRowType().getFieldCount();
        int rightCount = join.getRight().getRowType().getFieldCount();
        boolean appendOnly = !left.updating() && !right.updating();
        JoinCondition condition = JoinCondition.of(join.getCondition(), leftCount, rightCount,
                appendOnly ? left.rowtimeIndex() : -1, appendOnly ? right.rowtimeIndex() : -1);
        Expr[] leftKeys = translator.compile(condition.leftKeys);
        Expr[] rightKeys = translator.compile(condition.rightKeys);
        boolean[] nullKeysNeverMatch = condition.nullKeysNeverMatchFlags();
        RexNode rest = condition.restCondition(join.getCluster().getRexBuilder());
        Expr restExpr = rest == null ? null : translator.compiler().compile(rest);
        boolean leftOuter = type == JoinRelType.LEFT || type == JoinRelType.FULL;
        boolean rightOuter = type == JoinRelType.RIGHT || type == JoinRelType.FULL;
        RelDataType joinedType = join.getRowType();
        String where = StreamTranslator.describe(join.getCondition(), joinedType);
        String select = String.join(", ", joinedType.getFieldNames());
        DataStream<Row> out;
        String name;
        boolean updating;
        if (condition.isInterval()) {
            KeyedCoProcessFunction<Row, Row, Row, Row> function = new IntervalJoinFunction(leftOuter, rightOuter, nullKeysNeverMatch, leftCount, rightCount,
                    left.rowtimeIndex(), right.rowtimeIndex(), condition.lowerBound, condition.upperBound, restExpr);
            name = "IntervalJoin(joinType=[" + flinkName(type) + "], windowBounds=[isRowTime=true, leftLowerBound="
                    + condition.lowerBound + ", leftUpperBound=" + condition.upperBound + ", leftTimeIndex=" + left.rowtimeIndex()
                    + ", rightTimeIndex=" + right.rowtimeIndex() + "], where=[" + where + "], select=[" + select + "])";
            updating = false;
            translator.record(name);
            out = left.stream().connect(right.stream())
                    .keyBy(new ExprKeySelector(leftKeys), new ExprKeySelector(rightKeys))
                    .process(function).name(name);
        } else {
            Duration ttl = translator.stateTtl();
            KeyedCoProcessFunction<Object, Row, Row, Row> function = appendOnly && type == JoinRelType.INNER
                    ? new InsertOnlyInnerJoinFunction(nullKeysNeverMatch, packing(join.getLeft().getRowType()),
                            packing(join.getRight().getRowType()), restExpr, ttl)
                    : new RegularJoinFunction(leftOuter, rightOuter, nullKeysNeverMatch, leftCount, rightCount, restExpr, ttl);
            name = "Join(joinType=[" + flinkName(type) + "], where=[" + where + "], select=[" + select + "]"
                    + (ttl.isZero() ? "" : ", stateTtl=[" + ttl.toMillis() + " ms]") + ")";
            updating = !appendOnly || type != JoinRelType.INNER;
            translator.record(name);
            boolean byValue = keysByValue(condition.leftKeys, condition.rightKeys);
            out = left.stream().connect(right.stream())
                    .keyBy(GroupKeySelector.ofExpressions(leftKeys, byValue), GroupKeySelector.ofExpressions(rightKeys, byValue))
                    .process(function).name(name);
        }
        // The time attributes are not kept: Weir does not hold back the join's watermark by the interval, so a
        // downstream window on them could find rows late (Flink keeps them for interval joins).
        return new Translated(out, joinedType, -1, updating);
    }

    /**
     * Whether a one-column join key can be its value itself (no key row to build, hash and compare per record): both
     * sides' key of one SQL type that hashes by value, so equal keys of the two sides are equal objects.
     */
    static boolean keysByValue(List<RexNode> leftKeys, List<RexNode> rightKeys) {
        if (leftKeys.size() != 1) {
            return false;
        }
        SqlTypeName type = leftKeys.get(0).getType().getSqlTypeName();
        return type == rightKeys.get(0).getType().getSqlTypeName() && GroupKeySelector.keysByValue(type);
    }

    /** The layout of an input's kept rows: its columns whose internal form is a {@code Long} kept unboxed. */
    static RowPacking packing(RelDataType rowType) {
        List<RelDataTypeField> fields = rowType.getFieldList();
        boolean[] longColumns = new boolean[fields.size()];
        for (int i = 0; i < longColumns.length; i++) {
            SqlTypeName type = fields.get(i).getType().getSqlTypeName();
            longColumns[i] = type == SqlTypeName.BIGINT || type == SqlTypeName.TIMESTAMP
                    || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        }
        return new RowPacking(longColumns);
    }

    private static String flinkName(JoinRelType type) {
        switch (type) {
            case LEFT:
                return "LeftOuterJoin";
            case RIGHT:
                return "RightOuterJoin";
            case FULL:
                return "FullOuterJoin";
            default:
                return "InnerJoin";
        }
    }
}
