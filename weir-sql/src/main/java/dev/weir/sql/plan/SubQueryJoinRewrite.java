package dev.weir.sql.plan;

import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Turns the WHERE clause's {@code IN}, {@code EXISTS}, {@code NOT IN} and {@code NOT EXISTS} subqueries into semi and
 * anti joins, as Flink's planner does: {@code x IN (SELECT y ...)} is a semi join on {@code x = y}; {@code NOT IN} an
 * anti join on {@code x = y OR (x = y) IS NULL} (a NULL on either side keeps the left row out, as SQL's three-valued
 * NOT IN does; with columns that cannot be NULL, on {@code x = y} alone); a correlated subquery's conditions on the
 * outer row (in its WHERE clause) become the join's condition. Other subqueries (scalar, in SELECT, under OR, with the
 * correlation below an aggregate) are refused naming what to write instead.
 */
final class SubQueryJoinRewrite {
    private SubQueryJoinRewrite() {
    }

    static RelNode apply(RelNode rel) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : rel.getInputs()) {
            RelNode rewritten = apply(input);
            inputs.add(rewritten);
            changed |= rewritten != input;
        }
        RelNode node = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
        if (node instanceof Filter && RexUtil.SubQueryFinder.containsSubQuery((Filter) node)) {
            return filter((Filter) node);
        }
        if (node instanceof Project && RexUtil.SubQueryFinder.containsSubQuery((Project) node)) {
            throw refused("a subquery in the SELECT list");
        }
        if (node instanceof Join && RexUtil.SubQueryFinder.containsSubQuery((Join) node)) {
            throw refused("a subquery in a join's ON clause");
        }
        return node;
    }

    private static RelNode filter(Filter filter) {
        RexBuilder rex = filter.getCluster().getRexBuilder();
        RelNode current = filter.getInput();
        List<RexNode> remaining = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            boolean negated = conjunct.getKind() == SqlKind.NOT;
            RexNode operand = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
            if (operand instanceof RexSubQuery
                    && (operand.getKind() == SqlKind.IN || operand.getKind() == SqlKind.EXISTS)) {
                current = join(current, (RexSubQuery) operand, negated, filter.getVariablesSet(), rex);
            } else if (RexUtil.SubQueryFinder.find(conjunct) != null) {
                throw refused("a subquery other than a WHERE clause's AND-ed [NOT] IN (SELECT ...) or [NOT] EXISTS (...)");
            } else {
                remaining.add(conjunct);
            }
        }
        if (remaining.isEmpty()) {
            return current;
        }
        return LogicalFilter.create(current, RexUtil.composeConjunction(rex, remaining));
    }

    private static RelNode join(RelNode left, RexSubQuery subQuery, boolean negated, Set<CorrelationId> variables, RexBuilder rex) {
        int leftCount = left.getRowType().getFieldCount();
        RelNode sub = apply(subQuery.rel);
        List<RexNode> outputs = new ArrayList<>();
        List<RexNode> condition = new ArrayList<>();
        RelNode right = decorrelate(sub, variables, leftCount, outputs, condition, rex);
        if (subQuery.getKind() == SqlKind.IN) {
            List<RexNode> equalities = new ArrayList<>();
            boolean nullable = false;
            for (int i = 0; i < subQuery.getOperands().size(); i++) {
                RexNode l = subQuery.getOperands().get(i);
                RexNode r = RexUtil.shift(outputs.get(i), leftCount);
                nullable |= l.getType().isNullable() || r.getType().isNullable();
                equalities.add(rex.makeCall(SqlStdOperatorTable.EQUALS, l, r));
            }
            RexNode equal = RexUtil.composeConjunction(rex, equalities);
            if (negated && nullable) {
                // NOT IN is unknown, so false, when the comparison with any right row is unknown.
                condition.add(rex.makeCall(SqlStdOperatorTable.OR, equal, rex.makeCall(SqlStdOperatorTable.IS_NULL, equal)));
            } else {
                condition.addAll(equalities);
            }
        }
        return LogicalJoin.create(left, right, List.of(), RexUtil.composeConjunction(rex, condition), Set.of(),
                negated ? JoinRelType.ANTI : JoinRelType.SEMI);
    }

    /**
     * The subquery's rows without its references to the outer row: for a correlated subquery (an optional projection
     * over a WHERE clause), the WHERE clause's conjuncts that use the outer row move to {@code condition} (over the
     * outer row then the subquery's input row), and {@code outputs} are the projection over that input row.
     */
    private static RelNode decorrelate(RelNode sub, Set<CorrelationId> variables, int leftCount, List<RexNode> outputs,
            List<RexNode> condition, RexBuilder rex) {
        if (RelOptUtil.getVariablesUsed(sub).isEmpty()) {
            for (int i = 0; i < sub.getRowType().getFieldCount(); i++) {
                outputs.add(rex.makeInputRef(sub, i));
            }
            return sub;
        }
        RelNode below = sub;
        List<RexNode> projects = null;
        if (below instanceof Project) {
            projects = ((Project) below).getProjects();
            below = ((Project) below).getInput();
        }
        if (!(below instanceof Filter) || (projects != null && usesCorrelation(projects))
                || !RelOptUtil.getVariablesUsed(((Filter) below).getInput()).isEmpty()) {
            throw refused("a correlated subquery whose reference to the outer query is not in its own WHERE clause");
        }
        Filter where = (Filter) below;
        RelNode input = where.getInput();
        List<RexNode> kept = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(where.getCondition())) {
            if (usesCorrelation(List.of(conjunct))) {
                condition.add(conjunct.accept(new OuterRowReferences(variables, leftCount, rex)));
            } else {
                kept.add(conjunct);
            }
        }
        if (projects == null) {
            for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
                outputs.add(rex.makeInputRef(input, i));
            }
        } else {
            outputs.addAll(projects);
        }
        return kept.isEmpty() ? input : LogicalFilter.create(input, RexUtil.composeConjunction(rex, kept));
    }

    private static boolean usesCorrelation(List<RexNode> nodes) {
        RexVisitorImpl<Void> finder = new RexVisitorImpl<>(true) {
            @Override
            public Void visitCorrelVariable(RexCorrelVariable variable) {
                throw new IllegalStateException("found");
            }
        };
        try {
            for (RexNode node : nodes) {
                node.accept(finder);
            }
            return false;
        } catch (IllegalStateException found) {
            return true;
        }
    }

    /** Over the joined row: the subquery's columns shifted past the outer row's, the outer row's fields as columns. */
    private static final class OuterRowReferences extends RexShuttle {
        private final Set<CorrelationId> variables;
        private final int leftCount;
        private final RexBuilder rex;

        OuterRowReferences(Set<CorrelationId> variables, int leftCount, RexBuilder rex) {
            this.variables = variables;
            this.leftCount = leftCount;
            this.rex = rex;
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
            return new RexInputRef(ref.getIndex() + leftCount, ref.getType());
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
            if (access.getReferenceExpr() instanceof RexCorrelVariable
                    && variables.contains(((RexCorrelVariable) access.getReferenceExpr()).id)) {
                return rex.makeInputRef(access.getType(), access.getField().getIndex());
            }
            return super.visitFieldAccess(access);
        }

        @Override
        public RexNode visitCorrelVariable(RexCorrelVariable variable) {
            throw refused("a correlated subquery that refers to a query other than the one directly around it");
        }
    }

    private static ValidationException refused(String what) {
        return new ValidationException("Weir cannot run this query: " + what + " is not supported yet; write the subquery as "
                + "a JOIN, or as x [NOT] IN (SELECT ...) / [NOT] EXISTS (SELECT ... WHERE inner.k = outer.k) AND-ed in the "
                + "WHERE clause.");
    }
}
