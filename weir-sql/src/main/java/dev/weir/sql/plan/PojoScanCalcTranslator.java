package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.expr.Expr;
import dev.weir.sql.expr.ExprCompiler;
import dev.weir.sql.expr.OperatorWatermark;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.DataStreamRows;
import dev.weir.sql.runtime.PojoColumn;
import dev.weir.sql.runtime.PojoScanCalc;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.types.Row;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A Calc over a DataStream table's scan as one operator on the stream's elements ({@link PojoScanCalc}): a POJO
 * element's columns are read from its properties, and only an element that passes the condition becomes a row. Only
 * where that gives what the scan and the Calc would: the table is insert-only, has no computed column, takes event
 * time (if any) from the records' timestamps, and the Calc reads only physical columns that need no conversion to
 * internal form and no CURRENT_WATERMARK.
 */
final class PojoScanCalcTranslator {
    private final StreamTranslator translator;

    PojoScanCalcTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** The fused scan and Calc of {@code chain}, the Calc of {@code rel}; null where {@code chain} is no such Calc. */
    Translated tryFuse(RelNode rel, CalcChain chain) {
        List<RexNode> projects = chain.projects();
        RexNode condition = chain.condition();
        RelNode node = chain.input();
        while (node instanceof Project && StreamTranslator.isIdentity(((Project) node).getProjects(), node.getInput(0).getRowType())) {
            node = node.getInput(0);
        }
        if (projects == null || !(node instanceof TableScan)) {
            return null;
        }
        CatalogTable table = translator.catalogTable((TableScan) node);
        String rowtimeName = table.schema().getRowtimeColumn().orElse(null);
        if (table.elements() == null || table.changelog() || (rowtimeName != null && !table.usesStreamWatermarks())) {
            return null;
        }
        DataStreamRows<?> rows = table.physicalRows();
        ImmutableBitSet read = RelOptUtil.InputFinder.bits(projects, condition);
        for (int column : read) {
            if (column >= table.physicalColumnCount() || !rows.readsAsIs(column)) {
                return null;
            }
        }
        ExprCompiler compiler = translator.compiler();
        IntFunction<Expr> properties = i -> new PojoColumn(table.columns().get(i).name());
        compiler.beginCalc(new OperatorWatermark());
        Expr elementCondition = condition == null ? null : compiler.compile(condition, properties);
        Expr rowCondition = condition == null ? null : compiler.compile(condition);
        Expr[] elementProjections = new Expr[projects.size()];
        Expr[] rowProjections = new Expr[projects.size()];
        int tableRowtime = rowtimeName == null ? -1 : node.getRowType().getFieldNames().indexOf(rowtimeName);
        int rowtime = -1;
        for (int i = 0; i < projects.size(); i++) {
            elementProjections[i] = compiler.compile(projects.get(i), properties);
            rowProjections[i] = compiler.compile(projects.get(i));
            if (tableRowtime >= 0 && StreamTranslator.passesThrough(projects.get(i), tableRowtime)) {
                rowtime = i;
            }
        }
        if (compiler.endCalc()) {
            return null;
        }
        List<String> physical = node.getRowType().getFieldNames().subList(0, table.physicalColumnCount());
        translator.record("DataStreamScan(table=[" + table.name() + "], fields=[" + String.join(", ", physical) + "])");
        String name = StreamTranslator.describeCalc(projects, condition, chain.input().getRowType(), rel.getRowType());
        translator.record(name);
        DataStream<Row> out = fused(table.elements(), rows, new CalcFunction(rowCondition, rowProjections), elementCondition,
                elementProjections, name);
        return new Translated(out, rel.getRowType(), rowtime, false);
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<Row> fused(DataStream<T> elements, DataStreamRows<?> rows, CalcFunction rowCalc,
            Expr condition, Expr[] projections, String name) {
        return elements.process(new PojoScanCalc<>(((DataStreamRows<T>) rows).copy(), rowCalc, condition, projections))
                .name(name);
    }
}
