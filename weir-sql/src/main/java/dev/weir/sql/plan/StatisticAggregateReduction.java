package dev.weir.sql.plan;

import java.util.EnumSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.sql.SqlKind;

/**
 * Rewrites STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP (and their aliases STDDEV and VARIANCE) into SUM(x * x),
 * SUM(x) and COUNT(x) and a projection of the formula, as Flink's planner does with the same Calcite rule: the results
 * are then Flink's to the last digit and of Flink's type (STDDEV_POP of an INT column is an INT, computed in integer
 * arithmetic), a single row's STDDEV_SAMP is NULL, and the sums retract and merge as any SUM does, in GROUP BY and
 * window aggregates alike. Plans without these calls are returned unchanged.
 */
final class StatisticAggregateReduction {
    private static final EnumSet<SqlKind> REDUCED = EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP,
            SqlKind.VAR_SAMP);
    private static final HepProgram PROGRAM = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(AggregateReduceFunctionsRule.Config.DEFAULT.withFunctionsToReduce(REDUCED).toRule())
            .build();

    private StatisticAggregateReduction() {
    }

    static RelNode apply(RelNode rel) {
        if (!containsStatistic(rel)) {
            return rel;
        }
        HepPlanner planner = new HepPlanner(PROGRAM);
        planner.setRoot(rel);
        return planner.findBestExp();
    }

    private static boolean containsStatistic(RelNode rel) {
        if (rel instanceof Aggregate) {
            for (AggregateCall call : ((Aggregate) rel).getAggCallList()) {
                if (REDUCED.contains(call.getAggregation().getKind())) {
                    return true;
                }
            }
        }
        for (RelNode input : rel.getInputs()) {
            if (containsStatistic(input)) {
                return true;
            }
        }
        return false;
    }
}
