package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.sql.runtime.WindowJoinFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates Flink's window join: two inputs that carry window columns (window table functions), joined on
 * {@code L.window_start = R.window_start AND L.window_end = R.window_end} and any equi-keys, INNER or LEFT / RIGHT /
 * FULL OUTER, with any further condition. Other joins are left to the caller.
 */
final class WindowJoinTranslator {
    private final StreamTranslator translator;

    WindowJoinTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** Whether {@code join}'s condition equates both sides' window bounds, so {@link #tryTranslate} takes it. */
    boolean isWindowJoin(Join join) {
        return windowEnds(join, join.analyzeCondition()) != null;
    }

    /** The window join of {@code join}, or null when its condition does not equate both sides' window bounds. */
    Translated tryTranslate(Join join) {
        JoinInfo info = join.analyzeCondition();
        int[] ends = windowEnds(join, info);
        if (ends == null) {
            return null;
        }
        int leftEnd = ends[0];
        int rightEnd = ends[1];
        List<String> leftNames = join.getLeft().getRowType().getFieldNames();
        List<String> rightNames = join.getRight().getRowType().getFieldNames();
        JoinRelType type = join.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
            throw new ValidationException("Window " + type + " joins are not supported yet; write an INNER, LEFT, RIGHT or FULL "
                    + "OUTER window join");
        }
        Translated left = translator.translate(join.getLeft());
        Translated right = translator.translate(join.getRight());
        if (left.updating() || right.updating()) {
            throw new ValidationException("A window join needs insert-only inputs (window table functions), not an updating GROUP BY");
        }
        RexNode residual = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions);
        Expr condition = residual.isAlwaysTrue() ? null : translator.compiler().compile(residual);
        int[] leftKeys = info.leftKeys.toIntArray();
        int[] rightKeys = info.rightKeys.toIntArray();
        String name = "WindowJoin(joinType=[" + type + "Join], where=[" + join.getCondition() + "], leftWindow=[window_end], "
                + "rightWindow=[window_end])";
        translator.record(name);
        DataStream<Row> out = left.stream().connect(right.stream())
                .keyBy(new RowKeySelector(leftKeys), new RowKeySelector(rightKeys))
                .process(new WindowJoinFunction(leftEnd, rightEnd, leftNames.size(), rightNames.size(), condition,
                        type == JoinRelType.LEFT || type == JoinRelType.FULL, type == JoinRelType.RIGHT || type == JoinRelType.FULL))
                .name(name);
        return new Translated(out, join.getRowType(), -1, false);
    }

    /** The left and right window-end fields {@code join} equates, or null when it does not equate both bounds. */
    private int[] windowEnds(Join join, JoinInfo info) {
        List<String> leftNames = join.getLeft().getRowType().getFieldNames();
        List<String> rightNames = join.getRight().getRowType().getFieldNames();
        int leftEnd = -1;
        int rightEnd = -1;
        boolean starts = false;
        WindowBounds bounds = new WindowBounds(new WindowTranslator(translator));
        for (int i = 0; i < info.leftKeys.size(); i++) {
            String l = leftNames.get(info.leftKeys.get(i));
            String r = rightNames.get(info.rightKeys.get(i));
            // The bounds by name (window table functions), or under other names as Flink tracks them (Nexmark q5).
            WindowBounds.Kind kind = boundKind(bounds, join, info.leftKeys.get(i), info.rightKeys.get(i));
            starts |= l.equals("window_start") && r.equals("window_start") || kind == WindowBounds.Kind.START;
            if (l.equals("window_end") && r.equals("window_end") || kind == WindowBounds.Kind.END) {
                leftEnd = info.leftKeys.get(i);
                rightEnd = info.rightKeys.get(i);
            }
        }
        return !starts || leftEnd < 0 ? null : new int[] {leftEnd, rightEnd};
    }

    /** Which bound of the same windows both join keys are, or null when they are not both the same bound. */
    private static WindowBounds.Kind boundKind(WindowBounds bounds, Join join, int leftKey, int rightKey) {
        WindowBounds.Bound l = bounds.of(join.getLeft(), leftKey);
        WindowBounds.Bound r = bounds.of(join.getRight(), rightKey);
        return l != null && r != null && l.kind() == r.kind() && l.windows().equals(r.windows()) ? l.kind() : null;
    }
}
