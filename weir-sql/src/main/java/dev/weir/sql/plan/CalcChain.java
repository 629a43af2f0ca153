package dev.weir.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Adjacent projections and filters as one step, as Flink's planner merges adjacent Calcs: the conditions over the
 * chain's input (a lower filter's first, an upper one evaluated only where it holds) and the top's projections rewritten
 * over that input. Nexmark's views over one table are a projection of every field, a filter on the event type, then
 * the query's own filter and projection: one step reads the fields it needs of the rows that pass instead of copying
 * every field of every row into a new row per step. A projection is folded only where that changes nothing: it holds no
 * OVER (a Top-N or OVER aggregate is translated from it), and an expression that computes something is used at most
 * once and deterministic, so it is neither evaluated twice nor gives two values; a filter over a projection with an OVER
 * is a Top-N and stays.
 */
record CalcChain(RexNode condition, List<RexNode> projects, RelNode input) {
    /** The chain from {@code top}, a Project (over an optional Filter) or a Filter, down to the first node it cannot fold. */
    static CalcChain of(RelNode top, RexBuilder rex) {
        RexNode condition = null;
        List<RexNode> projects = null;
        RelNode input;
        if (top instanceof Project) {
            projects = ((Project) top).getProjects();
            input = ((Project) top).getInput();
            if (input instanceof Filter) {
                condition = ((Filter) input).getCondition();
                input = ((Filter) input).getInput();
            }
        } else {
            condition = ((Filter) top).getCondition();
            input = ((Filter) top).getInput();
        }
        while (true) {
            if (input instanceof Filter && !(input.getInput(0) instanceof Project
                    && RexOver.containsOver(((Project) input.getInput(0)).getProjects(), null))) {
                RexNode lower = ((Filter) input).getCondition();
                // IS TRUE: a row the lower filter drops (FALSE or NULL) never reaches the upper condition.
                condition = condition == null ? lower
                        : rex.makeCall(SqlStdOperatorTable.AND, rex.makeCall(SqlStdOperatorTable.IS_TRUE, lower), condition);
                input = input.getInput(0);
            } else if (input instanceof Project && foldable((Project) input, condition, projects)) {
                Project lower = (Project) input;
                if (condition != null) {
                    condition = RelOptUtil.pushPastProject(condition, lower);
                }
                projects = projects == null ? lower.getProjects() : RelOptUtil.pushPastProject(projects, lower);
                input = lower.getInput();
            } else {
                return new CalcChain(condition, projects, input);
            }
        }
    }

    private static boolean foldable(Project lower, RexNode condition, List<RexNode> projects) {
        if (RexOver.containsOver(lower.getProjects(), null)) {
            return false;
        }
        int[] uses = new int[lower.getProjects().size()];
        RexVisitorImpl<Void> counter = new RexVisitorImpl<>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                uses[ref.getIndex()]++;
                return null;
            }
        };
        if (condition != null) {
            condition.accept(counter);
        }
        if (projects != null) {
            projects.forEach(p -> p.accept(counter));
        } else {
            for (int i = 0; i < uses.length; i++) {
                uses[i]++;
            }
        }
        for (int i = 0; i < uses.length; i++) {
            RexNode e = lower.getProjects().get(i);
            if (uses[i] > 0 && !isRead(e) && (uses[i] > 1 || !(e instanceof RexCall) || !RexUtil.isDeterministic(e))) {
                return false;
            }
        }
        return true;
    }

    /** A column, a field of a ROW column or a literal: nothing computed, so it may be read any number of times. */
    private static boolean isRead(RexNode e) {
        if (e instanceof RexFieldAccess) {
            return isRead(((RexFieldAccess) e).getReferenceExpr());
        }
        return e instanceof RexInputRef || e instanceof RexLiteral;
    }
}
