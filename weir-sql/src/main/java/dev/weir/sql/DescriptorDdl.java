package dev.weir.sql;

import dev.weir.table.api.Schema;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code CREATE TABLE} statement a {@link TableDescriptor} spells. The Table API registers a descriptor's table by
 * running that statement, so it is planned, checked and remembered (for a job on Flink's planner) exactly as the
 * same DDL written by hand.
 */
final class DescriptorDdl {
    private DescriptorDdl() {
    }

    /**
     * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] `name` (...) WITH (...)}; a descriptor without a schema takes the
     * physical columns of {@code derived} (an insert's query), and is refused when there is none.
     */
    static String createTable(String name, TableDescriptor descriptor, boolean temporary, boolean ifNotExists, ResolvedSchema derived) {
        if (!descriptor.getPartitionKeys().isEmpty()) {
            throw new ValidationException("TableDescriptor.partitionedBy(" + String.join(", ", descriptor.getPartitionKeys())
                    + ") is not supported yet: Weir writes one directory per sink; remove partitionedBy");
        }
        List<String> parts = new ArrayList<>();
        if (descriptor.getSchema().isPresent()) {
            Schema schema = descriptor.getSchema().get();
            for (Schema.UnresolvedColumn c : schema.getColumns()) {
                parts.add(column(c));
            }
            for (Schema.UnresolvedWatermarkSpec w : schema.getWatermarkSpecs()) {
                parts.add("WATERMARK FOR " + quote(w.getColumnName()) + " AS " + w.getWatermarkExpression());
            }
            schema.getPrimaryKey().ifPresent(key -> parts.add(primaryKey(key)));
        } else if (derived != null) {
            for (Column c : derived.getColumns()) {
                if (c.isPhysical()) {
                    parts.add(quote(c.getName()) + " " + c.getDataType());
                }
            }
        } else {
            throw new ValidationException("The TableDescriptor of table '" + name + "' declares no schema; add one with "
                    + ".schema(Schema.newBuilder().column(\"name\", DataTypes.STRING())...build())");
        }
        StringBuilder ddl = new StringBuilder("CREATE ").append(temporary ? "TEMPORARY " : "").append("TABLE ")
                .append(ifNotExists ? "IF NOT EXISTS " : "").append(quote(name)).append(" (\n  ")
                .append(String.join(",\n  ", parts)).append("\n)");
        descriptor.getComment().ifPresent(comment -> ddl.append(" COMMENT ").append(literal(comment)));
        ddl.append(" WITH (");
        boolean first = true;
        for (Map.Entry<String, String> option : descriptor.getOptions().entrySet()) {
            ddl.append(first ? "\n  " : ",\n  ").append(literal(option.getKey())).append(" = ").append(literal(option.getValue()));
            first = false;
        }
        return ddl.append("\n)").toString();
    }

    private static String column(Schema.UnresolvedColumn c) {
        if (c.getExpression() != null) {
            return quote(c.getName()) + " AS " + c.getExpression();
        }
        String type = c.getDataType() != null ? c.getDataType().toString() : c.getSqlType();
        if (!c.isMetadata()) {
            return quote(c.getName()) + " " + type;
        }
        return quote(c.getName()) + " " + type + " METADATA" + (c.getMetadataKey() == null ? "" : " FROM " + literal(c.getMetadataKey()))
                + (c.isVirtual() ? " VIRTUAL" : "");
    }

    private static String primaryKey(List<String> key) {
        List<String> quoted = new ArrayList<>();
        for (String k : key) {
            quoted.add(quote(k));
        }
        return "PRIMARY KEY (" + String.join(", ", quoted) + ") NOT ENFORCED";
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
