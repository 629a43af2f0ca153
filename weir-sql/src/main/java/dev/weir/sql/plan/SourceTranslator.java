package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.ReadFields;
import dev.weir.sql.connector.TableConnector;
import dev.weir.sql.connector.TableConnectors;
import dev.weir.sql.expr.Expr;
import dev.weir.sql.expr.ExprCompiler;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.runtime.ComputedColumnsFunction;
import dev.weir.sql.runtime.RowtimeWatermarks;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a table scan: the connector's (or DataStream's) rows of source columns, then the computed columns in
 * declared order, then the table's watermark, which also makes the rowtime column the records' timestamps.
 */
final class SourceTranslator {
    private final StreamTranslator translator;
    private final SqlPlanner planner;

    SourceTranslator(StreamTranslator translator, SqlPlanner planner) {
        this.translator = translator;
        this.planner = planner;
    }

    /**
     * The scan of a DataStream table's physical columns alone, for a consumer that reads only columns below
     * {@code columnsRead} and takes event time from the records' timestamps, which the stream's own watermarks
     * ({@code SOURCE_WATERMARK()}) follow: the rows lack the trailing metadata columns (no second row per element to
     * carry its timestamp as a column), while the row type, the rowtime index and every column's number stay the
     * table's. Null when the table has no such form or the consumer reads past its physical columns.
     */
    Translated physicalScan(CatalogTable table, RelDataType tableType, int columnsRead) {
        String rowtimeName = table.schema().getRowtimeColumn().orElse(null);
        if (table.physicalStream() == null || !table.usesStreamWatermarks() || rowtimeName == null
                || columnsRead > table.physicalColumnCount()) {
            return null;
        }
        List<String> physical = tableType.getFieldNames().subList(0, table.physicalColumnCount());
        translator.record("DataStreamScan(table=[" + table.name() + "], fields=[" + String.join(", ", physical) + "])");
        return new Translated(table.physicalStream(), tableType, tableType.getFieldNames().indexOf(rowtimeName), false);
    }

    /**
     * What the source must fill in: what the query reads ({@link ScanReads}; everything when it was not analysed), and
     * what the computed columns and the watermark read, which are evaluated for every row.
     */
    private ReadFields sourceReads(CatalogTable table, RelDataType sourceType, RelDataType tableType) {
        ReadFields queryReads = translator.reads(table);
        int sourceColumns = sourceType.getFieldCount();
        if (queryReads == null) {
            return ReadFields.all(sourceColumns);
        }
        ReadFields read = ReadFields.none(sourceColumns);
        read.add(queryReads);
        List<String> expressions = new ArrayList<>();
        for (Statement.ColumnDefinition c : table.columns()) {
            if (c.expression() != null) {
                expressions.add(c.expression());
            }
        }
        for (RexNode rex : planner.planExpressions(sourceType, expressions)) {
            ScanReads.collect(rex, read);
        }
        String rowtime = table.schema().getRowtimeColumn().orElse(null);
        if (rowtime != null && !table.usesStreamWatermarks()) {
            ReadFields byTableColumn = ReadFields.none(tableType.getFieldCount());
            byTableColumn.readWhole(tableType.getFieldNames().indexOf(rowtime));
            ScanReads.collect(planner.planExpressions(tableType, List.of(table.schema().getWatermarkExpression().orElseThrow()))
                    .get(0), byTableColumn);
            int source = 0;
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).expression() == null) {
                    read.addColumn(byTableColumn, i, source++);
                }
            }
        }
        return read;
    }

    Translated scan(CatalogTable table, RelDataType tableType) {
        RelDataType sourceType = SourceTypes.physical(table);
        DataStream<Row> stream;
        boolean updating = false;
        if (table.stream() != null) {
            stream = table.stream();
            updating = table.changelog();
            translator.record("DataStreamScan(table=[" + table.name() + "], fields=[" + String.join(", ", sourceType.getFieldNames()) + "])");
        } else {
            TableConnector connector = TableConnectors.of(table);
            for (Statement.ColumnDefinition c : table.columns()) {
                if (c.metadata() && !connector.supportsMetadata(c.metadataKey() == null ? c.name() : c.metadataKey())) {
                    throw new ValidationException("Metadata column '" + c.name() + "' of table '" + table.name() + "' is not "
                            + "supported by connector '" + table.options().get("connector") + "'; remove it or make it a "
                            + "computed column");
                }
            }
            updating = connector.producesUpdates(table);
            stream = connector.createSource(translator.env(), table, sourceType, sourceReads(table, sourceType, tableType));
            translator.record("TableSourceScan(table=[" + table.name() + "], connector=[" + connector.identifier() + "], fields=["
                    + String.join(", ", sourceType.getFieldNames()) + "])");
        }
        List<Statement.ColumnDefinition> columns = table.columns();
        boolean computed = columns.stream().anyMatch(c -> c.expression() != null);
        if (computed) {
            List<String> expressions = new ArrayList<>();
            for (Statement.ColumnDefinition c : columns) {
                if (c.expression() != null) {
                    expressions.add(c.expression());
                }
            }
            List<RexNode> rex = planner.planExpressions(sourceType, expressions);
            Expr[] projections = new Expr[columns.size()];
            int source = 0;
            int expression = 0;
            for (int i = 0; i < columns.size(); i++) {
                Statement.ColumnDefinition c = columns.get(i);
                projections[i] = c.expression() != null ? translator.compiler().compile(rex.get(expression++))
                        : translator.compiler().compile(new org.apache.calcite.rex.RexInputRef(source++,
                                sourceType.getFieldList().get(source - 1).getType()));
            }
            String name = "Calc(select=[" + String.join(", ", tableType.getFieldNames()) + "])";
            translator.record(name);
            stream = stream.map(new ComputedColumnsFunction(projections, table.trailingComputedColumns())).name(name);
        }
        int rowtime = -1;
        String rowtimeName = table.schema().getRowtimeColumn().orElse(null);
        if (rowtimeName != null) {
            rowtime = tableType.getFieldNames().indexOf(rowtimeName);
            if (!table.usesStreamWatermarks()) {
                String watermark = table.schema().getWatermarkExpression().orElseThrow();
                RexNode rex = planner.planExpressions(tableType, List.of(watermark)).get(0);
                String name = "WatermarkAssigner(rowtime=[" + rowtimeName + "], watermark=[" + watermark.trim() + "])";
                translator.record(name);
                long interval = translator.env().getConfig().getAutoWatermarkInterval();
                Long offset = rowtimeOffset(rex, rowtime);
                stream = stream.assignTimestampsAndWatermarks(offset != null
                        ? RowtimeWatermarks.rowtimeMinus(rowtime, rowtimeName, offset, interval)
                        : new RowtimeWatermarks(rowtime, rowtimeName, translator.compiler().compile(rex), interval)).name(name);
            }
        }
        return new Translated(stream, tableType, rowtime, updating);
    }

    /**
     * {@code offset} when the watermark expression is the rowtime column itself (0) or the rowtime minus a day-time
     * interval literal, which the watermark strategy computes from each row's timestamp; null for any other expression.
     */
    static Long rowtimeOffset(RexNode watermark, int rowtime) {
        if (isColumn(watermark, rowtime)) {
            return 0L;
        }
        if (watermark.getKind() == SqlKind.MINUS && watermark instanceof RexCall) {
            List<RexNode> operands = ((RexCall) watermark).getOperands();
            if (operands.size() == 2 && isColumn(operands.get(0), rowtime) && operands.get(1) instanceof RexLiteral literal
                    && !literal.isNull() && SqlTypeName.DAY_INTERVAL_TYPES.contains(literal.getType().getSqlTypeName())) {
                return (Long) ExprCompiler.literal(literal);
            }
        }
        return null;
    }

    private static boolean isColumn(RexNode node, int index) {
        return node instanceof RexInputRef && ((RexInputRef) node).getIndex() == index;
    }
}
