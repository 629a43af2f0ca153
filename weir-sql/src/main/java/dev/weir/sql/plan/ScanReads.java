package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.ReadFields;
import dev.weir.sql.parse.Statement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;

/**
 * The columns, and ROW fields, that a query reads of each table it scans: what Flink's planner pushes into a source as
 * its (nested) projection. Walks the plan from the root with the fields each node's consumer reads; through projections,
 * filters, joins, aggregates, window table functions and unions it follows the fields, below any other node it takes
 * every field as read, so the result never misses a read. Computed columns and watermarks are the scan's own reads ({@link SourceTranslator}).
 */
final class ScanReads {
    private final Function<TableScan, CatalogTable> tables;
    private final Map<CatalogTable, ReadFields> reads = new IdentityHashMap<>();

    private ScanReads(Function<TableScan, CatalogTable> tables) {
        this.tables = tables;
    }

    /** What the query {@code root}, whose every output column is read, reads of each table. */
    static ScanReads of(RelNode root, Function<TableScan, CatalogTable> tables) {
        ScanReads scanReads = new ScanReads(tables);
        scanReads.visit(root, ReadFields.all(root.getRowType().getFieldCount()));
        return scanReads;
    }

    /** What the query reads of {@code table}'s source columns (physical and metadata, declared order); null: not scanned. */
    ReadFields of(CatalogTable table) {
        return reads.get(table);
    }

    private void visit(RelNode node, ReadFields used) {
        if (node instanceof TableScan) {
            scanned((TableScan) node, used);
        } else if (node instanceof Project) {
            List<RexNode> projects = ((Project) node).getProjects();
            ReadFields in = ReadFields.none(node.getInput(0).getRowType().getFieldCount());
            for (int i = 0; i < projects.size(); i++) {
                if (!used.reads(i)) {
                    continue;
                }
                if (projects.get(i) instanceof RexInputRef) {
                    in.addColumn(used, i, ((RexInputRef) projects.get(i)).getIndex());
                } else {
                    collect(projects.get(i), in);
                }
            }
            visit(node.getInput(0), in);
        } else if (node instanceof Filter) {
            ReadFields in = ReadFields.none(used.size());
            in.add(used);
            collect(((Filter) node).getCondition(), in);
            visit(node.getInput(0), in);
        } else if (node instanceof Join) {
            Join join = (Join) node;
            int left = join.getLeft().getRowType().getFieldCount();
            ReadFields both = ReadFields.none(left + join.getRight().getRowType().getFieldCount());
            for (int i = 0; i < used.size(); i++) {
                both.addColumn(used, i, i);
            }
            collect(join.getCondition(), both);
            visit(join.getLeft(), slice(both, 0, left));
            visit(join.getRight(), slice(both, left, both.size() - left));
        } else if (node instanceof Aggregate) {
            Aggregate aggregate = (Aggregate) node;
            ReadFields in = ReadFields.none(aggregate.getInput().getRowType().getFieldCount());
            aggregate.getGroupSet().forEach(in::readWhole);
            for (AggregateCall call : aggregate.getAggCallList()) {
                call.getArgList().forEach(in::readWhole);
                call.collation.getFieldCollations().forEach(c -> in.readWhole(c.getFieldIndex()));
                if (call.filterArg >= 0) {
                    in.readWhole(call.filterArg);
                }
            }
            visit(aggregate.getInput(), in);
        } else if (node instanceof TableFunctionScan scan && WindowTranslator.isWindowFunction(scan)) {
            // TUMBLE, HOP, CUMULATE and SESSION pass their input's columns through, then add window_start, window_end
            // and window_time: the input's columns read are those read of the output, and the DESCRIPTOR columns
            // (the time column, SESSION's partition keys). Nexmark q5 and q7 read 3 of the bid's 7 fields so.
            ReadFields in = ReadFields.none(scan.getInput(0).getRowType().getFieldCount());
            for (int i = 0; i < in.size(); i++) {
                in.addColumn(used, i, i);
            }
            for (RexNode operand : ((RexCall) scan.getCall()).getOperands()) {
                if (operand.getKind() == SqlKind.DESCRIPTOR) {
                    collect(operand, in);
                }
            }
            visit(scan.getInput(0), in);
        } else if (node instanceof Union) {
            node.getInputs().forEach(input -> visit(input, used));
        } else {
            node.getInputs().forEach(input -> visit(input, ReadFields.all(input.getRowType().getFieldCount())));
        }
    }

    private void scanned(TableScan scan, ReadFields used) {
        CatalogTable table = tables.apply(scan);
        if (table == null) {
            return;
        }
        List<Statement.ColumnDefinition> columns = table.columns();
        int sourceColumns = (int) columns.stream().filter(c -> c.expression() == null).count();
        ReadFields source = reads.computeIfAbsent(table, t -> ReadFields.none(sourceColumns));
        int s = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).expression() == null) {
                source.addColumn(used, i, s++);
            }
        }
    }

    private static ReadFields slice(ReadFields fields, int from, int count) {
        ReadFields slice = ReadFields.none(count);
        for (int i = 0; i < count; i++) {
            slice.addColumn(fields, from + i, i);
        }
        return slice;
    }

    /** Marks what {@code expression} reads of its input in {@code in}: a field of a ROW column, or a column whole. */
    static void collect(RexNode expression, ReadFields in) {
        expression.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                in.readWhole(ref.getIndex());
                return null;
            }

            @Override
            public Void visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexInputRef) {
                    in.readField(((RexInputRef) access.getReferenceExpr()).getIndex(), access.getField().getName());
                    return null;
                }
                return super.visitFieldAccess(access);
            }
        });
    }
}
