package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Plans {@code GROUPING SETS}, {@code ROLLUP} and {@code CUBE} as one plain aggregate per grouping set, their rows
 * combined by {@code UNION ALL}: each branch groups by its set's columns and gives the others NULL, and
 * {@code GROUPING(..)}, {@code GROUPING_ID(..)} and {@code GROUP_ID()} become the branch's constants. Flink's planner
 * expands each row once per set into a single aggregate keyed by the set as well; both give every set's groups the same
 * rows and the same changelog per group, and Weir's window and group aggregate operators run the branches unchanged (a
 * window aggregate's bounds are in every set, so each branch is a window aggregate).
 */
final class GroupingSetsRewrite {
    private GroupingSetsRewrite() {
    }

    /** {@code rel} with its grouping-set aggregates expanded; where it has none, {@code rel} itself (nothing is copied). */
    static RelNode apply(RelNode rel) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof Aggregate aggregate && aggregate.getGroupType() != Aggregate.Group.SIMPLE
                        ? expand(aggregate) : visited;
            }
        });
    }

    private static RelNode expand(Aggregate aggregate) {
        List<ImmutableBitSet> sets = aggregate.getGroupSets();
        List<RelNode> branches = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            branches.add(branch(aggregate, sets.get(i), groupId(sets, i)));
        }
        return branches.size() == 1 ? branches.get(0) : LogicalUnion.create(branches, true);
    }

    /** How many earlier sets equal set {@code index}: Flink's and Calcite's {@code GROUP_ID()}. */
    private static int groupId(List<ImmutableBitSet> sets, int index) {
        int same = 0;
        for (int i = 0; i < index; i++) {
            same += sets.get(i).equals(sets.get(index)) ? 1 : 0;
        }
        return same;
    }

    /** The rows of one grouping set, typed as the whole aggregate's rows. */
    private static RelNode branch(Aggregate aggregate, ImmutableBitSet set, int groupId) {
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (!isGroupingCall(call)) {
                calls.add(call);
            }
        }
        LogicalAggregate plain = LogicalAggregate.create(aggregate.getInput(), aggregate.getHints(), set, null, calls);
        List<RelDataTypeField> fields = aggregate.getRowType().getFieldList();
        List<Integer> keys = aggregate.getGroupSet().asList();
        List<RexNode> projects = new ArrayList<>(fields.size());
        List<String> names = new ArrayList<>(fields.size());
        for (int k = 0; k < keys.size(); k++) {
            RelDataType type = fields.get(k).getType();
            int position = set.indexOf(keys.get(k));
            projects.add(position < 0 ? rex.makeNullLiteral(type)
                    : rex.makeCast(type, RexInputRef.of(position, plain.getRowType()), true, false));
        }
        int next = set.cardinality();
        for (AggregateCall call : aggregate.getAggCallList()) {
            RelDataType type = fields.get(projects.size()).getType();
            if (isGroupingCall(call)) {
                long value = call.getAggregation().getKind() == SqlKind.GROUP_ID ? groupId : groupingBits(call, set);
                projects.add(rex.makeCast(type, rex.makeBigintLiteral(java.math.BigDecimal.valueOf(value)), true, false));
            } else {
                projects.add(rex.makeCast(type, RexInputRef.of(next++, plain.getRowType()), true, false));
            }
        }
        for (RelDataTypeField field : fields) {
            names.add(field.getName());
        }
        return LogicalProject.create(plain, List.of(), projects, names, java.util.Set.of());
    }

    private static boolean isGroupingCall(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
    }

    /** One bit per argument, the first the most significant: 1 where the column is rolled up (absent from the set). */
    private static long groupingBits(AggregateCall call, ImmutableBitSet set) {
        long bits = 0;
        for (int argument : call.getArgList()) {
            bits = (bits << 1) | (set.get(argument) ? 0 : 1);
        }
        return bits;
    }
}
