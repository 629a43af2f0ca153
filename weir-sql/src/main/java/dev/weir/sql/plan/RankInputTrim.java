package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Trims the input of a rank's projection ({@code SELECT *, ROW_NUMBER() OVER (..) FROM t}) to the columns the
 * projection reads, its PARTITION BY and ORDER BY included, as Flink's planner puts a Calc of those columns below its
 * Rank. Without it Nexmark q19's Top-N kept and emitted rows of all 27 flattened source columns (the bid, auction and
 * person fields of the {@code datagen} row) where it reads the bid's seven, and a Calc after the rank projected each of
 * its -U/+U rows again. The rows the rank emits, after its projection, are the same.
 */
final class RankInputTrim {
    private RankInputTrim() {
    }

    /** {@code rankProject} over a projection of its input to the columns it uses; itself when it uses every column. */
    static Project apply(Project rankProject) {
        int arity = rankProject.getInput().getRowType().getFieldCount();
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(rankProject.getProjects(), null);
        if (used.isEmpty() || used.cardinality() == arity) {
            return rankProject;
        }
        // Columns the projection selects as they are come first, in its order, so that SELECT * over the rank needs no
        // Calc after it (RankTranslator); the PARTITION BY and ORDER BY columns it does not select follow.
        int[] newIndex = new int[arity];
        List<Integer> fields = new ArrayList<>();
        for (RexNode project : rankProject.getProjects()) {
            if (project instanceof RexInputRef ref && !fields.contains(ref.getIndex())) {
                newIndex[ref.getIndex()] = fields.size();
                fields.add(ref.getIndex());
            }
        }
        for (int field : used) {
            if (!fields.contains(field)) {
                newIndex[field] = fields.size();
                fields.add(field);
            }
        }
        RexShuttle renumber = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
            }
        };
        return rankProject.copy(rankProject.getTraitSet(), RelOptUtil.createProject(rankProject.getInput(), fields),
                renumber.apply(rankProject.getProjects()), rankProject.getRowType());
    }
}
