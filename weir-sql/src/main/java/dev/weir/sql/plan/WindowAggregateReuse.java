package dev.weir.sql.plan;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * One window aggregate for identical window aggregates of a query, as Flink's sub-plan reuse
 * ({@code table.optimizer.reuse-sub-plan-enabled}, true by default) runs them: Nexmark q5 counts the bids per auction
 * and HOP window twice (once joined, once under the MAX per window), and both uses read the one aggregate's rows.
 * Two aggregates are identical when their plans print alike, down to the table scans, and every expression in them is
 * deterministic; an aggregate over any other kind of plan node is not reused.
 */
final class WindowAggregateReuse {
    private final Map<String, Translated> translated = new HashMap<>();

    /** The translation of an aggregate identical to {@code aggregate}, or null when there was none. */
    Translated reused(Aggregate aggregate) {
        return translated.isEmpty() ? null : translated.get(digest(aggregate));
    }

    /** Keeps {@code result}, the window aggregate {@code aggregate} translated to, for identical aggregates after it. */
    void remember(Aggregate aggregate, Translated result) {
        if (reusable(aggregate)) {
            translated.put(digest(aggregate), result);
        }
    }

    private static String digest(RelNode node) {
        return RelOptUtil.toString(node, SqlExplainLevel.DIGEST_ATTRIBUTES);
    }

    private static boolean reusable(RelNode node) {
        if (node instanceof Project project) {
            for (RexNode e : project.getProjects()) {
                if (!RexUtil.isDeterministic(e)) {
                    return false;
                }
            }
        } else if (node instanceof Filter filter) {
            if (!RexUtil.isDeterministic(filter.getCondition())) {
                return false;
            }
        } else if (node instanceof TableFunctionScan scan) {
            if (!RexUtil.isDeterministic(scan.getCall())) {
                return false;
            }
        } else if (!(node instanceof Aggregate) && !(node instanceof TableScan)) {
            return false;
        }
        for (RelNode input : node.getInputs()) {
            if (!reusable(input)) {
                return false;
            }
        }
        return true;
    }
}
