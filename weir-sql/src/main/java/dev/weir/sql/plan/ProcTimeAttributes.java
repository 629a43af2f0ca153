package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.parse.Statement;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Finds Flink's processing-time attributes: a column is one when it is {@code PROCTIME()}, as a table's computed column
 * ({@code p AS PROCTIME()}) or in a view or subquery ({@code SELECT *, PROCTIME() AS p FROM t}), passed through
 * projections and filters unchanged; and, as in Flink, the {@code window_time} of a processing-time window (of the
 * window table function, or grouped by in its window aggregate), so a cascaded window can run on it.
 */
final class ProcTimeAttributes {
    private ProcTimeAttributes() {
    }

    /** Whether column {@code column} of {@code rel}'s rows is a processing-time attribute. */
    static boolean isProcTime(RelNode rel, int column, StreamTranslator translator) {
        RelNode node = rel;
        int c = column;
        while (true) {
            if (node instanceof Filter) {
                node = ((Filter) node).getInput();
            } else if (node instanceof Project) {
                RexNode e = ((Project) node).getProjects().get(c);
                if (e instanceof RexCall && ((RexCall) e).getOperator() == FlinkFunctions.PROCTIME) {
                    return true;
                }
                if (!(e instanceof RexInputRef)) {
                    return false;
                }
                c = ((RexInputRef) e).getIndex();
                node = ((Project) node).getInput();
            } else if (node instanceof Aggregate || node instanceof TableFunctionScan) {
                return new WindowTranslator(translator).isProcTimeWindowTime(node, c);
            } else if (node instanceof TableScan) {
                return isProcTimeColumn(translator.catalogTable((TableScan) node), node.getRowType().getFieldNames().get(c));
            } else {
                return false;
            }
        }
    }

    private static boolean isProcTimeColumn(CatalogTable table, String name) {
        for (Statement.ColumnDefinition definition : table.columns()) {
            if (definition.name().equals(name)) {
                return definition.expression() != null
                        && definition.expression().replace(" ", "").replace("`", "").equalsIgnoreCase("PROCTIME()");
            }
        }
        return false;
    }
}
