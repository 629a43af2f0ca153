package dev.weir.sql.plan;

import dev.weir.sql.expr.JsonNodes;
import dev.weir.sql.runtime.agg.JsonAggregates;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;

/**
 * Keeps the JSON built by JSON_OBJECT or JSON_ARRAY JSON when another JSON function takes it through a projection, as
 * Flink does: a JSON aggregate of such a value ({@code JSON_ARRAYAGG(JSON_OBJECT(..))}) becomes one that inserts its
 * values as JSON ({@link JsonAggregates#rawValues}), and a constructor's column read by a constructor in the projection
 * above ({@code JSON_OBJECT('k' VALUE o)} over {@code JSON_OBJECT(..) AS o}) is inlined there, as Flink's merged
 * projections see it. Other plans are returned unchanged.
 */
final class JsonValueArguments {
    private JsonValueArguments() {
    }

    static RelNode apply(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode node = super.visit(other);
                if (node instanceof Aggregate && node.getInput(0) instanceof Project) {
                    return rawValueAggregates((Aggregate) node, (Project) node.getInput(0));
                }
                if (node instanceof Project && node.getInput(0) instanceof Project) {
                    return inlined((Project) node, (Project) node.getInput(0));
                }
                return node;
            }
        });
    }

    private static RelNode rawValueAggregates(Aggregate aggregate, Project input) {
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            List<Integer> args = call.getArgList();
            SqlAggFunction raw = args.isEmpty() ? null : JsonAggregates.rawValues(call.getAggregation());
            if (raw != null && JsonNodes.isConstructorCall(input.getProjects().get(args.get(args.size() - 1)))) {
                calls.add(AggregateCall.create(raw, call.isDistinct(), call.isApproximate(), call.ignoreNulls(), call.rexList,
                        args, call.filterArg, call.distinctKeys, call.collation, call.getType(), call.getName()));
                changed = true;
            } else {
                calls.add(call);
            }
        }
        return changed ? aggregate.copy(aggregate.getTraitSet(), input, aggregate.getGroupSet(), aggregate.getGroupSets(), calls)
                : aggregate;
    }

    private static RelNode inlined(Project top, Project below) {
        List<RexNode> projects = below.getProjects();
        RexShuttle inline = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexCall visited = (RexCall) super.visitCall(call);
                if (!JsonNodes.isConstructorCall(visited)) {
                    return visited;
                }
                List<RexNode> operands = new ArrayList<>(visited.getOperands());
                boolean changed = false;
                for (int i = 0; i < operands.size(); i++) {
                    RexNode operand = operands.get(i);
                    // A constructor's values come wrapped in Calcite's JSON_TYPE marker.
                    boolean marked = operand instanceof RexCall && ((RexCall) operand).getOperator().getName().equals("JSON_TYPE");
                    RexNode value = marked ? ((RexCall) operand).getOperands().get(0) : operand;
                    if (value instanceof RexInputRef && JsonNodes.isConstructorCall(projects.get(((RexInputRef) value).getIndex()))) {
                        RexNode constructor = projects.get(((RexInputRef) value).getIndex());
                        operands.set(i, marked ? ((RexCall) operand).clone(operand.getType(), List.of(constructor)) : constructor);
                        changed = true;
                    }
                }
                return changed ? visited.clone(visited.getType(), operands) : visited;
            }
        };
        List<RexNode> rewritten = new ArrayList<>();
        boolean changed = false;
        for (RexNode e : top.getProjects()) {
            RexNode r = e.accept(inline);
            rewritten.add(r);
            changed |= r != e;
        }
        return changed ? top.copy(top.getTraitSet(), below, rewritten, top.getRowType()) : top;
    }
}
