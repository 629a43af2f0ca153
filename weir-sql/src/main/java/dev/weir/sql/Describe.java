package dev.weir.sql;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.CatalogView;
import dev.weir.sql.exec.TableResultImpl;
import dev.weir.table.api.DataTypes;
import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Flink's DESCRIBE result: one row per column with its name, type (the rowtime marked {@code *ROWTIME*}), nullability,
 * primary key ({@code PRI(a, b)}), extras (a computed column's expression, a metadata column's key) and watermark.
 */
final class Describe {
    private Describe() {
    }

    static TableResultImpl of(Object entry) {
        ResolvedSchema schema = entry instanceof CatalogTable ? ((CatalogTable) entry).schema() : ((CatalogView) entry).schema();
        String rowtime = schema.getRowtimeColumn().orElse(null);
        List<String> key = schema.getPrimaryKeyColumns();
        List<Row> rows = new ArrayList<>();
        for (Column c : schema.getColumns()) {
            boolean isKey = key.contains(c.getName());
            String type = (isKey ? c.getDataType().notNull() : c.getDataType()).toString().replace(" NOT NULL", "");
            if (c.getName().equals(rowtime)) {
                type = type + " *ROWTIME*";
            }
            String extras = c.getExpression().map(e -> "AS " + e).orElse(c.isMetadata()
                    ? "METADATA" + c.getMetadataKey().map(k -> " FROM '" + k + "'").orElse("") : null);
            rows.add(Row.of(c.getName(), type, !isKey && c.getDataType().isNullable(),
                    isKey ? "PRI(" + String.join(", ", key) + ")" : null, extras,
                    c.getName().equals(rowtime) ? schema.getWatermarkExpression().orElse(null) : null));
        }
        return TableResultImpl.ofRows(ResolvedSchema.physical(List.of("name", "type", "null", "key", "extras", "watermark"),
                List.of(DataTypes.STRING(), DataTypes.STRING(), DataTypes.BOOLEAN(), DataTypes.STRING(), DataTypes.STRING(),
                        DataTypes.STRING())), rows);
    }
}
