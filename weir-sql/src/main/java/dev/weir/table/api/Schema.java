package dev.weir.table.api;

import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.types.AbstractDataType;
import dev.weir.table.types.DataType;
import dev.weir.table.types.UnresolvedDataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared schema of a table from the Table API, as in Flink's {@code Schema.newBuilder()}: physical columns,
 * computed columns ({@code columnByExpression}), metadata columns, one watermark and a primary key. Expressions are
 * SQL text, resolved when the table is planned.
 */
public final class Schema {
    private final List<UnresolvedColumn> columns;
    private final List<UnresolvedWatermarkSpec> watermarkSpecs;
    private final List<String> primaryKey;

    private Schema(List<UnresolvedColumn> columns, List<UnresolvedWatermarkSpec> watermarkSpecs, List<String> primaryKey) {
        this.columns = List.copyOf(columns);
        this.watermarkSpecs = List.copyOf(watermarkSpecs);
        this.primaryKey = List.copyOf(primaryKey);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A schema that takes every column from its source, e.g. a DataStream's type. */
    public static Schema derived() {
        return new Schema(List.of(), List.of(), List.of());
    }

    public List<UnresolvedColumn> getColumns() {
        return columns;
    }

    public List<UnresolvedWatermarkSpec> getWatermarkSpecs() {
        return watermarkSpecs;
    }

    public Optional<List<String>> getPrimaryKey() {
        return primaryKey.isEmpty() ? Optional.empty() : Optional.of(primaryKey);
    }

    /**
     * Flink's form: one component a line inside parentheses, e.g. {@code `ts` AS [expr]},
     * {@code WATERMARK FOR `ts` AS [expr]}, {@code CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED}.
     */
    @Override
    public String toString() {
        List<String> components = new ArrayList<>();
        for (UnresolvedColumn c : columns) {
            components.add(c.toString());
        }
        for (UnresolvedWatermarkSpec w : watermarkSpecs) {
            components.add(w.toString());
        }
        if (!primaryKey.isEmpty()) {
            StringBuilder key = new StringBuilder();
            for (String k : primaryKey) {
                key.append(key.length() == 0 ? "" : ", ").append(quote(k));
            }
            components.add("CONSTRAINT " + quote("PK_" + String.join("_", primaryKey)) + " PRIMARY KEY (" + key + ") NOT ENFORCED");
        }
        return "(\n  " + String.join(",\n  ", components) + "\n)";
    }

    /** A backquoted identifier, a backquote in it doubled, as Flink writes identifiers. */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** A declared column: physical when it has a type only, computed with an expression, metadata with a key. */
    public static final class UnresolvedColumn {
        private final String name;
        private final DataType dataType;
        private final String sqlType;
        private final String expression;
        private final boolean metadata;
        private final String metadataKey;
        private final boolean isVirtual;

        UnresolvedColumn(String name, DataType dataType, String sqlType, String expression, boolean metadata, String metadataKey) {
            this(name, dataType, sqlType, expression, metadata, metadataKey, false);
        }

        UnresolvedColumn(String name, DataType dataType, String sqlType, String expression, boolean metadata, String metadataKey,
                boolean isVirtual) {
            this.name = Objects.requireNonNull(name, "column name");
            this.dataType = dataType;
            this.sqlType = sqlType;
            this.expression = expression;
            this.metadata = metadata;
            this.metadataKey = metadataKey;
            this.isVirtual = isVirtual;
        }

        public String getName() {
            return name;
        }

        /** The declared type, or null when given as SQL text ({@link #getSqlType()}) or computed. */
        public DataType getDataType() {
            return dataType;
        }

        public String getSqlType() {
            return sqlType;
        }

        public String getExpression() {
            return expression;
        }

        public boolean isMetadata() {
            return metadata;
        }

        public String getMetadataKey() {
            return metadataKey;
        }

        public boolean isVirtual() {
            return isVirtual;
        }

        @Override
        public String toString() {
            if (expression != null) {
                return quote(name) + " AS [" + expression + "]";
            }
            return quote(name) + " " + (dataType != null ? dataType : sqlType) + (metadata ? " METADATA" : "")
                    + (metadataKey != null ? " FROM '" + metadataKey.replace("'", "''") + "'" : "") + (isVirtual ? " VIRTUAL" : "");
        }
    }

    /** A declared watermark: {@code WATERMARK FOR column AS expression}. */
    public static final class UnresolvedWatermarkSpec {
        private final String columnName;
        private final String expression;

        UnresolvedWatermarkSpec(String columnName, String expression) {
            this.columnName = Objects.requireNonNull(columnName, "watermark column");
            this.expression = Objects.requireNonNull(expression, "watermark expression");
        }

        public String getColumnName() {
            return columnName;
        }

        public String getWatermarkExpression() {
            return expression;
        }

        @Override
        public String toString() {
            return "WATERMARK FOR " + quote(columnName) + " AS [" + expression + "]";
        }
    }

    /** Builds a {@link Schema}, column by column in order. */
    public static final class Builder {
        private final List<UnresolvedColumn> columns = new ArrayList<>();
        private final List<UnresolvedWatermarkSpec> watermarks = new ArrayList<>();
        private final List<String> primaryKey = new ArrayList<>();

        public Builder column(String columnName, DataType dataType) {
            columns.add(new UnresolvedColumn(columnName, Objects.requireNonNull(dataType, "dataType"), null, null, false, null));
            return this;
        }

        /** A physical column whose type is SQL text, e.g. {@code "DECIMAL(10, 2)"}. */
        public Builder column(String columnName, String serializableTypeString) {
            columns.add(new UnresolvedColumn(columnName, null, Objects.requireNonNull(serializableTypeString, "type"), null, false, null));
            return this;
        }

        public Builder columnByExpression(String columnName, String sqlExpression) {
            columns.add(new UnresolvedColumn(columnName, null, null, Objects.requireNonNull(sqlExpression, "sqlExpression"), false, null));
            return this;
        }

        public Builder columnByMetadata(String columnName, DataType dataType) {
            columns.add(new UnresolvedColumn(columnName, dataType, null, null, true, null));
            return this;
        }

        public Builder columnByMetadata(String columnName, String serializableTypeString) {
            columns.add(new UnresolvedColumn(columnName, null, serializableTypeString, null, true, null));
            return this;
        }

        public Builder columnByMetadata(String columnName, DataType dataType, String metadataKey) {
            columns.add(new UnresolvedColumn(columnName, dataType, null, null, true, metadataKey));
            return this;
        }

        public Builder columnByMetadata(String columnName, DataType dataType, boolean isVirtual) {
            columns.add(new UnresolvedColumn(columnName, dataType, null, null, true, null, isVirtual));
            return this;
        }

        public Builder columnByMetadata(String columnName, DataType dataType, String metadataKey, boolean isVirtual) {
            columns.add(new UnresolvedColumn(columnName, dataType, null, null, true, metadataKey, isVirtual));
            return this;
        }

        public Builder columnByMetadata(String columnName, String serializableTypeString, String metadataKey, boolean isVirtual) {
            columns.add(new UnresolvedColumn(columnName, null, serializableTypeString, null, true, metadataKey, isVirtual));
            return this;
        }

        public Builder watermark(String columnName, String sqlExpression) {
            if (!watermarks.isEmpty()) {
                throw new ValidationException("Multiple watermark definitions are not supported yet: a table has one "
                        + "watermark, already declared on '" + watermarks.get(0).getColumnName() + "'");
            }
            watermarks.add(new UnresolvedWatermarkSpec(columnName, sqlExpression));
            return this;
        }

        public Builder primaryKey(String... columnNames) {
            return primaryKey(Arrays.asList(columnNames));
        }

        public Builder primaryKey(List<String> columnNames) {
            if (!primaryKey.isEmpty()) {
                throw new ValidationException("Multiple primary keys are not supported: the key is already " + primaryKey);
            }
            primaryKey.addAll(columnNames);
            return this;
        }

        public Builder primaryKeyNamed(String constraintName, String... columnNames) {
            return primaryKey(columnNames);
        }

        /**
         * A physical column of a type given as {@link AbstractDataType}: a {@link DataType}, or
         * {@code DataTypes.of("DECIMAL(10, 2)")}; a type named by a class is refused, naming the SQL type to write.
         */
        public Builder column(String columnName, AbstractDataType<?> dataType) {
            if (dataType instanceof DataType) {
                return column(columnName, (DataType) dataType);
            }
            UnresolvedDataType unresolved = (UnresolvedDataType) Objects.requireNonNull(dataType, "dataType");
            if (unresolved.getTypeString() == null) {
                throw new ValidationException("Column '" + columnName + "' is typed by class " + unresolved.getTypeClass().getName()
                        + ", which Weir does not resolve to a SQL type; declare the SQL type, e.g. DataTypes.STRING()");
            }
            return column(columnName, unresolved.getTypeString());
        }

        /** Physical columns of the given names and types, in order. */
        public Builder fromFields(String[] fieldNames, AbstractDataType<?>[] fieldDataTypes) {
            return fromFields(Arrays.asList(fieldNames), Arrays.asList(fieldDataTypes));
        }

        /** Physical columns of the given names and types, in order. */
        public Builder fromFields(List<String> fieldNames, List<? extends AbstractDataType<?>> fieldDataTypes) {
            if (fieldNames.size() != fieldDataTypes.size()) {
                throw new ValidationException("Field names and field data types must have the same length: " + fieldNames.size()
                        + " names, " + fieldDataTypes.size() + " types");
            }
            for (int i = 0; i < fieldNames.size(); i++) {
                column(fieldNames.get(i), fieldDataTypes.get(i));
            }
            return this;
        }

        /** The given declared columns, in order. */
        public Builder fromColumns(List<UnresolvedColumn> unresolvedColumns) {
            columns.addAll(unresolvedColumns);
            return this;
        }

        /**
         * The columns, watermark and primary key of a resolved schema: physical columns with their types, computed and
         * metadata columns as declared.
         */
        public Builder fromResolvedSchema(ResolvedSchema resolvedSchema) {
            for (Column c : resolvedSchema.getColumns()) {
                if (c.getExpression().isPresent()) {
                    columnByExpression(c.getName(), c.getExpression().get());
                } else if (c.isMetadata()) {
                    columns.add(new UnresolvedColumn(c.getName(), c.getDataType(), null, null, true, c.getMetadataKey().orElse(null)));
                } else {
                    column(c.getName(), c.getDataType());
                }
            }
            resolvedSchema.getRowtimeColumn().ifPresent(rowtime -> resolvedSchema.getWatermarkExpression()
                    .filter(expression -> !expression.isEmpty()).ifPresent(expression -> watermark(rowtime, expression)));
            if (!resolvedSchema.getPrimaryKeyColumns().isEmpty()) {
                primaryKey(resolvedSchema.getPrimaryKeyColumns());
            }
            return this;
        }

        /** A comment on the last column added; Weir does not keep column comments. */
        public Builder withComment(String comment) {
            return this;
        }

        /** Adds the columns, watermark and key of {@code schema}. */
        public Builder fromSchema(Schema schema) {
            columns.addAll(schema.columns);
            watermarks.addAll(schema.watermarkSpecs);
            primaryKey.addAll(schema.primaryKey);
            return this;
        }

        public Schema build() {
            return new Schema(columns, watermarks, primaryKey);
        }
    }
}
