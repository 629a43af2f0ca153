package dev.weir.sql.catalog;

import dev.weir.sql.parse.Statement;
import dev.weir.sql.plan.SqlPlanner;
import dev.weir.sql.types.RowTypes;
import dev.weir.sql.types.SqlTypes;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.types.DataType;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Resolves a declared table: the types of computed columns (planned by Calcite over the source columns) and the
 * watermark, checked as Flink checks it: the rowtime column must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p at most 3,
 * and the watermark expression must be of the same kind.
 */
public final class TableResolver {
    private final SqlPlanner planner;

    public TableResolver(SqlPlanner planner) {
        this.planner = planner;
    }

    public CatalogTable resolve(String name, List<Statement.ColumnDefinition> declared, String watermarkColumn, String watermarkExpression,
            List<String> primaryKey, Map<String, String> options, DataStream<Row> stream, boolean streamWatermarks) {
        RelDataTypeFactory factory = RowTypes.FACTORY;
        List<String> sourceNames = new ArrayList<>();
        List<RelDataType> sourceTypes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (Statement.ColumnDefinition c : declared) {
            if (seen.contains(c.name())) {
                throw new ValidationException("Column '" + c.name() + "' of table '" + name + "' is declared twice; rename one");
            }
            seen.add(c.name());
            if (c.expression() == null) {
                sourceNames.add(c.name());
                sourceTypes.add(SqlTypes.toRelType(factory, c.type()));
            } else {
                expressions.add(c.expression());
            }
        }
        RelDataType sourceType = factory.createStructType(sourceTypes, sourceNames);
        List<RexNode> computed = expressions.isEmpty() ? List.of() : planner.planExpressions(sourceType, expressions);
        List<Column> columns = new ArrayList<>();
        List<RelDataType> allTypes = new ArrayList<>();
        List<String> allNames = new ArrayList<>();
        List<Statement.ColumnDefinition> resolved = new ArrayList<>();
        int next = 0;
        for (Statement.ColumnDefinition c : declared) {
            if (c.expression() != null) {
                RelDataType type = computed.get(next++).getType();
                DataType dataType = SqlTypes.toDataType(type);
                columns.add(Column.computed(c.name(), dataType, SqlPlanner.canonical(c.expression())));
                resolved.add(new Statement.ColumnDefinition(c.name(), dataType, c.expression(), false, null));
                allTypes.add(type);
            } else {
                columns.add(c.metadata() ? Column.metadata(c.name(), c.type(), c.metadataKey(), false) : Column.physical(c.name(), c.type()));
                resolved.add(c);
                allTypes.add(SqlTypes.toRelType(factory, c.type()));
            }
            allNames.add(c.name());
        }
        for (String key : primaryKey) {
            if (!allNames.contains(key)) {
                throw new ValidationException("Primary key column '" + key + "' of table '" + name + "' is not a column; its "
                        + "columns are " + allNames);
            }
        }
        if (watermarkColumn != null) {
            RelDataType rowtimeType = allTypes.get(allNames.indexOf(watermarkColumn));
            checkTimeType("time field", watermarkColumn, rowtimeType);
            if (!streamWatermarks) {
                RelDataType full = factory.createStructType(allTypes, allNames);
                RelDataType watermarkType = planner.planExpressions(full, List.of(watermarkExpression)).get(0).getType();
                checkTimeType("watermark expression", watermarkExpression.trim(), watermarkType);
            }
        }
        ResolvedSchema schema = new ResolvedSchema(columns, watermarkColumn, watermarkExpression == null ? null
                : streamWatermarks ? watermarkExpression.trim() : SqlPlanner.canonical(watermarkExpression),
                primaryKey);
        return new CatalogTable(name, resolved, schema, options, stream, streamWatermarks);
    }

    private static void checkTimeType(String what, String text, RelDataType type) {
        SqlTypeName t = type.getSqlTypeName();
        if ((t != SqlTypeName.TIMESTAMP && t != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) || type.getPrecision() > 3) {
            throw new ValidationException("Invalid data type of " + what + " '" + text + "' for watermark definition. The field "
                    + "must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the "
                    + what + " type is " + SqlTypes.toDataType(type) + ". Convert it, e.g. with a computed column "
                    + "ts AS TO_TIMESTAMP_LTZ(epoch_millis, 3)");
        }
    }
}
