package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Trims the inputs of a regular join under a projection to the columns the projection and the join condition use
 * ({@code Project(Join(a, b))} becomes {@code Project(Join(Project(a), Project(b)))}, what Calcite's
 * {@code ProjectJoinTransposeRule} does for plain column references), so each side's state row holds only the fields
 * read above the join, as Flink's planner trims them. Without it Nexmark q4 kept whole auction and bid rows, strings
 * included, in its join state (about 420 bytes a row). The rows the join emits, changelog kinds included, are the same.
 */
final class JoinInputTrim {
    private JoinInputTrim() {
    }

    /**
     * {@code project} with its join input's inputs trimmed (the join directly below it or below a filter);
     * {@code project} itself when that is no inner or outer join, or is a window join (left as planned: its translator
     * traces the window bounds through the plan), or every column is used.
     */
    static RelNode apply(Project project, WindowJoinTranslator windowJoins) {
        // A WHERE on an outer join's padded side stays above the join (FILTER_INTO_JOIN may not move it): look through it.
        Filter filter = project.getInput() instanceof Filter f ? f : null;
        RelNode below = filter == null ? project.getInput() : filter.getInput();
        if (!(below instanceof Join join) || !isRegular(join.getJoinType()) || windowJoins.isWindowJoin(join)) {
            return project;
        }
        int leftCount = join.getLeft().getRowType().getFieldCount();
        int rightCount = join.getRight().getRowType().getFieldCount();
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), join.getCondition());
        if (filter != null) {
            used = used.union(RelOptUtil.InputFinder.bits(filter.getCondition()));
        }
        if (used.cardinality() == leftCount + rightCount) {
            return project;
        }
        ImmutableBitSet leftUsed = keepOne(used.get(0, leftCount), 0);
        ImmutableBitSet rightUsed = keepOne(used.get(leftCount, leftCount + rightCount), leftCount);
        int[] newIndex = new int[leftCount + rightCount];
        List<Integer> leftFields = new ArrayList<>();
        List<Integer> rightFields = new ArrayList<>();
        int next = 0;
        for (int field : leftUsed) {
            leftFields.add(field);
            newIndex[field] = next++;
        }
        for (int field : rightUsed) {
            rightFields.add(field - leftCount);
            newIndex[field] = next++;
        }
        RelNode left = RelOptUtil.createProject(join.getLeft(), leftFields);
        RelNode right = RelOptUtil.createProject(join.getRight(), rightFields);
        RexShuttle renumber = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
            }
        };
        Join trimmed = join.copy(join.getTraitSet(), join.getCondition().accept(renumber), left, right, join.getJoinType(),
                join.isSemiJoinDone());
        RelNode input = filter == null ? trimmed
                : filter.copy(filter.getTraitSet(), trimmed, filter.getCondition().accept(renumber));
        return project.copy(project.getTraitSet(), input, renumber.apply(project.getProjects()), project.getRowType());
    }

    private static boolean isRegular(JoinRelType type) {
        return type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.RIGHT || type == JoinRelType.FULL;
    }

    /** A side no column of which is used still keeps its first column: a row of no fields is no row type. */
    private static ImmutableBitSet keepOne(ImmutableBitSet used, int first) {
        return used.isEmpty() ? ImmutableBitSet.of(first) : used;
    }
}
