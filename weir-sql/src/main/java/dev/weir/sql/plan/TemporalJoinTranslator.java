package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.LookupOptions;
import dev.weir.sql.connector.LookupTableSource;
import dev.weir.sql.connector.TableConnector;
import dev.weir.sql.connector.TableConnectors;
import dev.weir.sql.expr.Expr;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.sql.runtime.join.LookupJoinFunction;
import dev.weir.sql.runtime.join.TemporalRowTimeJoinFunction;
import dev.weir.table.api.ValidationException;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Translates {@code JOIN t FOR SYSTEM_TIME AS OF l.time}, which Calcite plans as a correlate over a snapshot, as
 * Flink's planner does: when {@code l.time} is the left side's event-time attribute, into an event-time temporal join
 * against the versioned table {@code t} (a {@link TemporalRowTimeJoinFunction} keyed by the equi-join key); otherwise
 * (a processing-time attribute, {@code PROCTIME()}) into a lookup join ({@link LookupJoinFunction}) on a table whose
 * connector is a {@link LookupTableSource}.
 */
final class TemporalJoinTranslator {
    private final StreamTranslator translator;

    TemporalJoinTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** The join, or null when {@code correlate} is no {@code FOR SYSTEM_TIME AS OF} join. */
    Translated tryTranslate(Correlate correlate) {
        RelNode right = skipIdentity(correlate.getRight());
        RexNode filter = null;
        if (right instanceof Filter) {
            filter = ((Filter) right).getCondition();
            right = skipIdentity(((Filter) right).getInput());
        }
        if (!(right instanceof Snapshot)) {
            if (containsSnapshot(correlate.getRight())) {
                throw new ValidationException("Weir cannot run this query: the ON clause of a FOR SYSTEM_TIME AS OF join must "
                        + "compare columns of the temporal table as they are (e.g. ON o.k = t.k), not expressions of them.");
            }
            return null;
        }
        Snapshot snapshot = (Snapshot) right;
        RelNode versioned = skipIdentity(snapshot.getInput());
        JoinRelType type = correlate.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
            throw new ValidationException("Weir cannot run this query: a FOR SYSTEM_TIME AS OF join must be an inner join or a "
                    + "LEFT JOIN, as in Flink.");
        }
        int leftCount = correlate.getLeft().getRowType().getFieldCount();
        int rightCount = snapshot.getRowType().getFieldCount();
        String tableName = describeTable(versioned);
        int period = correlatedField(snapshot.getPeriod(), correlate.getCorrelationId());
        if (period < 0) {
            throw new ValidationException("Weir cannot run this query: FOR SYSTEM_TIME AS OF must name a time attribute of the "
                    + "left table (e.g. FOR SYSTEM_TIME AS OF o.proc_time or o.order_time), not an expression.");
        }
        JoinCondition condition = filter == null ? null : JoinCondition.of(toJoinCondition(filter, correlate.getCorrelationId(),
                leftCount), leftCount, rightCount, -1, -1);
        if (condition == null || condition.leftKeys.isEmpty()) {
            throw new ValidationException("Temporal table join requires an equality condition on fields of table ["
                    + tableName + "]. Add one to the ON clause, e.g. ON o.id = " + tableName + ".id");
        }
        Translated left = translator.translate(correlate.getLeft());
        RexNode rest = condition.restCondition(correlate.getCluster().getRexBuilder());
        Expr restExpr = rest == null ? null : translator.compiler().compile(rest);
        Expr[] leftKeys = translator.compile(condition.leftKeys);
        boolean leftOuter = type == JoinRelType.LEFT;
        String joinType = leftOuter ? "LeftOuterJoin" : "InnerJoin";
        String select = String.join(", ", correlate.getRowType().getFieldNames());
        if (left.rowtimeIndex() >= 0 && period == left.rowtimeIndex()) {
            return eventTime(correlate, left, versioned, tableName, condition, leftKeys, restExpr, leftOuter, joinType, select);
        }
        return lookup(correlate, left, versioned, tableName, condition, leftKeys, restExpr, leftOuter, joinType, select);
    }

    private Translated lookup(Correlate correlate, Translated left, RelNode versioned, String tableName, JoinCondition condition,
            Expr[] leftKeys, Expr restExpr, boolean leftOuter, String joinType, String select) {
        CatalogTable table = versioned instanceof TableScan ? translator.catalogTable((TableScan) versioned) : null;
        TableConnector connector = table == null || table.stream() != null ? null : TableConnectors.of(table);
        if (!(connector instanceof LookupTableSource)) {
            throw new ValidationException("Weir cannot run this query: FOR SYSTEM_TIME AS OF a processing-time attribute makes "
                    + "[" + tableName + "] a lookup table, but " + (connector == null ? "it is no connector table"
                    : "its connector '" + connector.identifier() + "' cannot look rows up by key")
                    + ". Use a table whose connector supports lookups ('jdbc', 'filesystem'), or join a versioned table (PRIMARY KEY and "
                    + "WATERMARK) FOR SYSTEM_TIME AS OF the left table's event-time attribute.");
        }
        for (Statement.ColumnDefinition c : table.columns()) {
            if (c.expression() != null || c.metadata()) {
                throw new ValidationException("Weir cannot run this query: lookup table '" + table.name() + "' has the computed or "
                        + "metadata column '" + c.name() + "'; a lookup reads physical columns only, so declare the table "
                        + "without it.");
            }
        }
        int[] keyColumns = new int[condition.rightKeys.size()];
        List<String> lookupKeys = new ArrayList<>();
        for (int i = 0; i < keyColumns.length; i++) {
            RexNode key = condition.rightKeys.get(i);
            if (!(key instanceof RexInputRef)) {
                throw new ValidationException("Weir cannot run this query: a lookup join's key must be a column of lookup table '"
                        + table.name() + "' compared as it is (ON o.k = t.k), not '" + key + "'; cast the left side instead.");
            }
            keyColumns[i] = ((RexInputRef) key).getIndex();
            lookupKeys.add(versioned.getRowType().getFieldNames().get(keyColumns[i]) + "="
                    + StreamTranslator.describe(condition.leftKeys.get(i), correlate.getLeft().getRowType()));
        }
        LookupOptions options = LookupOptions.of(table);
        LookupJoinFunction function = new LookupJoinFunction(((LookupTableSource) connector).createLookupFunction(table,
                SourceTypes.physical(table), keyColumns), options, leftKeys, leftOuter, left.rowType().getFieldCount(),
                versioned.getRowType().getFieldCount(), restExpr);
        String name = "LookupJoin(table=[" + table.name() + "], joinType=[" + joinType + "], lookup=[" + String.join(", ", lookupKeys)
                + "], select=[" + select + "]" + (options.cached() ? ", cache=[PARTIAL, max-rows=" + options.maxRows() + "]" : "")
                + ")";
        translator.record(name);
        DataStream<Row> out = left.stream().process(function).name(name);
        return new Translated(out, correlate.getRowType(), left.rowtimeIndex(), left.updating());
    }

    private Translated eventTime(Correlate correlate, Translated left, RelNode versioned, String tableName, JoinCondition condition,
            Expr[] leftKeys, Expr restExpr, boolean leftOuter, String joinType, String select) {
        if (versioned instanceof TableScan && translator.catalogTable((TableScan) versioned).schema().getPrimaryKeyColumns().isEmpty()) {
            throw new ValidationException("Temporal Table Join requires primary key in versioned table, but no primary key can be "
                    + "found for [" + tableName + "]. Declare one, e.g. PRIMARY KEY (id) NOT ENFORCED.");
        }
        if (left.updating()) {
            throw new ValidationException("Weir cannot run this query: the left input of the event-time temporal join with ["
                    + tableName + "] is an updating changelog; join an insert-only table or view.");
        }
        Translated right = translator.translate(versioned);
        if (right.rowtimeIndex() < 0) {
            throw new ValidationException("Event-Time Temporal Table Join requires both primary key and row time attribute in "
                    + "versioned table, but no row time attribute can be found for [" + tableName + "]. Declare a WATERMARK on "
                    + "its time column.");
        }
        Expr[] rightKeys = translator.compile(condition.rightKeys);
        String name = "TemporalJoin(joinType=[" + joinType + "], table=[" + tableName + "], leftTimeAttribute=["
                + correlate.getLeft().getRowType().getFieldNames().get(left.rowtimeIndex()) + "], rightTimeAttribute=["
                + versioned.getRowType().getFieldNames().get(right.rowtimeIndex()) + "], select=[" + select + "])";
        translator.record(name);
        boolean[] nullKeysNeverMatch = new boolean[leftKeys.length];
        for (int i = 0; i < nullKeysNeverMatch.length; i++) {
            nullKeysNeverMatch[i] = condition.nullKeysNeverMatch.get(i);
        }
        TemporalRowTimeJoinFunction function = new TemporalRowTimeJoinFunction(leftOuter, nullKeysNeverMatch, left.rowType().getFieldCount(),
                right.rowType().getFieldCount(), left.rowtimeIndex(), right.rowtimeIndex(), restExpr);
        DataStream<Row> out = left.stream().connect(right.stream())
                .keyBy(new ExprKeySelector(leftKeys), new ExprKeySelector(rightKeys))
                .process(function).name(name);
        return new Translated(out, correlate.getRowType(), left.rowtimeIndex(), false);
    }

    /** The filter over the snapshot as a join condition: correlated fields become left columns, the table's shift right. */
    private static RexNode toJoinCondition(RexNode filter, CorrelationId id, int leftCount) {
        return filter.accept(new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable
                        && ((RexCorrelVariable) access.getReferenceExpr()).id.equals(id)) {
                    return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
            }

            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(ref.getIndex() + leftCount, ref.getType());
            }
        });
    }

    /** The left field a {@code $cor.field} names, or -1. */
    private static int correlatedField(RexNode node, CorrelationId id) {
        if (node instanceof RexFieldAccess && ((RexFieldAccess) node).getReferenceExpr() instanceof RexCorrelVariable
                && ((RexCorrelVariable) ((RexFieldAccess) node).getReferenceExpr()).id.equals(id)) {
            return ((RexFieldAccess) node).getField().getIndex();
        }
        return -1;
    }

    private static String describeTable(RelNode versioned) {
        if (versioned instanceof TableScan) {
            List<String> path = ((TableScan) versioned).getTable().getQualifiedName();
            return path.get(path.size() - 1);
        }
        return String.join(", ", versioned.getRowType().getFieldNames());
    }

    private static boolean containsSnapshot(RelNode rel) {
        if (rel instanceof Snapshot) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (containsSnapshot(input)) {
                return true;
            }
        }
        return false;
    }

    private static RelNode skipIdentity(RelNode rel) {
        while (rel instanceof Project && StreamTranslator.isIdentity(((Project) rel).getProjects(),
                ((Project) rel).getInput().getRowType())) {
            rel = ((Project) rel).getInput();
        }
        return rel;
    }
}
