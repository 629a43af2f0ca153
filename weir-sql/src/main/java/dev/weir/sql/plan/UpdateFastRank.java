package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Decides whether a Top-N over an updating input runs as Flink's update-fast rank ({@code UpdateFastStrategy} in
 * EXPLAIN): the input is an unbounded GROUP BY (of any input, updating ones included), seen through projections that keep every group
 * key (the rows' unique key), the PARTITION BY columns are group keys, and every ORDER BY column either is a group key
 * or an aggregate that only moves one way in that direction — COUNT descending, MAX descending, MIN ascending. Flink
 * 2.3's EXPLAIN picks the same strategy for these shapes and the retract strategy for the others measured (COUNT
 * ascending, an unfiltered SUM, {@code COUNT(*) + 1}, a partition column outside the group key, a group key projected
 * through a function). A SUM moves one way when the filters on its argument bound it ({@link SumSign}: {@code WHERE
 * price > 0} for descending, {@code WHERE price < 0} for ascending), as Flink's monotonicity analysis proves it.
 */
final class UpdateFastRank {
    private UpdateFastRank() {
    }

    /**
     * The rank input's columns holding the group keys (the unique key Flink names in {@code UpdateFastStrategy[..]}), or
     * null when the update-fast strategy does not apply.
     */
    static int[] uniqueKey(RelNode rankInput, List<RexNode> partitionKeys, List<RexFieldCollation> orderKeys,
                           Predicate<TableScan> scanInsertOnly) {
        // The rank input's column i is the aggregate's column columns[i], or -1 when computed.
        RelNode node = rankInput;
        int[] columns = identity(node.getRowType().getFieldCount());
        while (node instanceof Project project) {
            int[] below = new int[columns.length];
            for (int i = 0; i < columns.length; i++) {
                RexNode p = columns[i] < 0 ? null : project.getProjects().get(columns[i]);
                below[i] = p instanceof RexInputRef ref ? ref.getIndex() : -1;
            }
            columns = below;
            node = project.getInput();
        }
        // The aggregate's own input may update (a join, another GROUP BY): Flink 2.3's EXPLAIN still picks the
        // update-fast rank for a COUNT, MAX or MIN over it, but not for a SUM (movesOneWay).
        if (!(node instanceof Aggregate aggregate) || aggregate.getGroupSets().size() != 1) {
            return null;
        }
        int groupCount = aggregate.getGroupCount();
        int[] key = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            key[g] = indexOf(columns, g);
            if (key[g] < 0) {
                return null; // a group key did not reach the rank: its rows have no unique key there
            }
        }
        for (RexNode partition : partitionKeys) {
            if (!(partition instanceof RexInputRef ref) || columns[ref.getIndex()] < 0 || columns[ref.getIndex()] >= groupCount) {
                return null;
            }
        }
        for (RexFieldCollation order : orderKeys) {
            if (!(order.left instanceof RexInputRef ref) || columns[ref.getIndex()] < 0) {
                return null;
            }
            int column = columns[ref.getIndex()];
            if (column >= groupCount && !movesOneWay(aggregate, aggregate.getAggCallList().get(column - groupCount),
                    order.getDirection() == RelFieldCollation.Direction.DESCENDING, scanInsertOnly)) {
                return null;
            }
        }
        return key;
    }

    private static boolean movesOneWay(Aggregate aggregate, AggregateCall call, boolean descending,
                                       Predicate<TableScan> scanInsertOnly) {
        SqlKind kind = call.getAggregation().getKind();
        if (kind == SqlKind.SUM || kind == SqlKind.SUM0) {
            return insertOnly(aggregate.getInput(), scanInsertOnly)
                    && (descending ? SumSign.grows(aggregate, call) : SumSign.shrinks(aggregate, call));
        }
        if (call.filterArg >= 0) {
            return false;
        }
        return descending ? kind == SqlKind.COUNT || kind == SqlKind.MAX : kind == SqlKind.MIN;
    }

    /** Whether {@code node} emits only inserts: scans, values, and projections, filters and UNION ALLs of them. */
    private static boolean insertOnly(RelNode node, Predicate<TableScan> scanInsertOnly) {
        if (node instanceof TableScan scan) {
            return scanInsertOnly.test(scan);
        }
        if (node instanceof Values) {
            return true;
        }
        if (node instanceof Project || node instanceof Filter || node instanceof Union union && union.all) {
            for (RelNode input : node.getInputs()) {
                if (!insertOnly(input, scanInsertOnly)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static int[] identity(int n) {
        int[] columns = new int[n];
        for (int i = 0; i < n; i++) {
            columns[i] = i;
        }
        return columns;
    }

    private static int indexOf(int[] columns, int column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == column) {
                return i;
            }
        }
        return -1;
    }

    /** Flink's EXPLAIN text for the strategy: {@code UpdateFastStrategy[0,1]}. */
    static String describe(int[] uniqueKey) {
        List<String> parts = new ArrayList<>();
        for (int k : uniqueKey) {
            parts.add(Integer.toString(k));
        }
        return "UpdateFastStrategy[" + String.join(",", parts) + "]";
    }
}
