package dev.weir.sql;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.CatalogView;
import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flink's {@code SHOW CREATE TABLE} and {@code SHOW CREATE VIEW} text: the fully qualified name, one column a line
 * with its type as Flink serializes it ({@code VARCHAR(2147483647)} for STRING, key columns NOT NULL), the watermark,
 * the primary key constraint {@code PK_<columns>}, then the options; a view's column names and its query.
 */
final class ShowCreate {
    private static final String INDENT = "  ";
    private static final String PATH = "`default_catalog`.`default_database`.";
    private static final Pattern STRING = Pattern.compile("(?<![`\\w])STRING(?![`\\w])");
    private static final Pattern BYTES = Pattern.compile("(?<![`\\w])BYTES(?![`\\w])");

    private ShowCreate() {
    }

    static String table(CatalogTable table) {
        ResolvedSchema schema = table.schema();
        List<String> key = schema.getPrimaryKeyColumns();
        List<String> lines = new ArrayList<>();
        for (Column c : schema.getColumns()) {
            StringBuilder line = new StringBuilder(INDENT).append(quoted(c.getName())).append(' ');
            if (c.getExpression().isPresent()) {
                line.append("AS ").append(c.getExpression().get());
            } else {
                DataType type = key.contains(c.getName()) ? c.getDataType().notNull() : c.getDataType();
                line.append(serializable(type));
                if (c.isMetadata()) {
                    line.append(" METADATA").append(c.getMetadataKey().map(k -> " FROM '" + k + "'").orElse(""));
                }
            }
            lines.add(line.toString());
        }
        schema.getRowtimeColumn().ifPresent(rowtime -> lines.add(INDENT + "WATERMARK FOR " + quoted(rowtime) + " AS "
                + schema.getWatermarkExpression().orElseThrow()));
        if (!key.isEmpty()) {
            lines.add(INDENT + "CONSTRAINT " + quoted("PK_" + String.join("_", key)) + " PRIMARY KEY ("
                    + String.join(", ", key.stream().map(ShowCreate::quoted).toList()) + ") NOT ENFORCED");
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(PATH).append(quoted(table.name())).append(" (\n")
                .append(String.join(",\n", lines)).append("\n) ");
        if (!table.options().isEmpty()) {
            List<String> options = new ArrayList<>();
            for (Map.Entry<String, String> e : table.options().entrySet()) {
                options.add(INDENT + "'" + escaped(e.getKey()) + "' = '" + escaped(e.getValue()) + "'");
            }
            sql.append("WITH (\n").append(String.join(",\n", options)).append("\n)\n");
        }
        return sql.toString();
    }

    static String view(CatalogView view) {
        List<String> names = view.schema().getColumnNames().stream().map(ShowCreate::quoted).toList();
        return "CREATE VIEW " + PATH + quoted(view.name()) + "(" + String.join(", ", names) + ") as\n" + view.query().strip() + "\n";
    }

    /** The type as Flink's {@code LogicalType#asSerializableString}: STRING and BYTES with their length. */
    private static String serializable(DataType type) {
        String text = STRING.matcher(type.toString()).replaceAll("VARCHAR(" + DataType.MAX_LENGTH + ")");
        return BYTES.matcher(text).replaceAll("VARBINARY(" + DataType.MAX_LENGTH + ")");
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String escaped(String value) {
        return value.replace("'", "''");
    }
}
