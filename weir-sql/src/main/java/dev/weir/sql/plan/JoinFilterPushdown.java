package dev.weir.sql.plan;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * Moves a WHERE clause over a join into the join ({@code FROM a, b WHERE a.id = b.id} becomes an equi-join, as in
 * Flink's planner), so the join's key is found; plans without a join are returned unchanged.
 */
final class JoinFilterPushdown {
    private static final HepProgram PROGRAM = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
            .build();

    private JoinFilterPushdown() {
    }

    static RelNode apply(RelNode rel) {
        if (!containsJoin(rel)) {
            return rel;
        }
        HepPlanner planner = new HepPlanner(PROGRAM);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static boolean containsJoin(RelNode rel) {
        if (rel instanceof Join) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (containsJoin(input)) {
                return true;
            }
        }
        return false;
    }
}
