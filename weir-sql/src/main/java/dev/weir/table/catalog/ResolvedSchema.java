package dev.weir.table.catalog;

import dev.weir.table.types.DataType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns of a table or query result after planning, as in Flink: names, types, and which column (if any)
 * is the event-time attribute with its watermark expression.
 */
public final class ResolvedSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Column> columns;
    private final String rowtimeColumn;
    private final String watermarkExpression;
    private final List<String> primaryKey;

    /** A schema of {@code columns}, with the event-time attribute {@code rowtimeColumn} (null: none). */
    public ResolvedSchema(List<Column> columns, String rowtimeColumn, String watermarkExpression, List<String> primaryKey) {
        this.columns = List.copyOf(columns);
        this.rowtimeColumn = rowtimeColumn;
        this.watermarkExpression = watermarkExpression;
        this.primaryKey = List.copyOf(primaryKey);
    }

    public static ResolvedSchema of(Column... columns) {
        return new ResolvedSchema(Arrays.asList(columns), null, null, List.of());
    }

    public static ResolvedSchema physical(List<String> names, List<DataType> types) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(Column.physical(names.get(i), types.get(i)));
        }
        return new ResolvedSchema(columns, null, null, List.of());
    }

    public int getColumnCount() {
        return columns.size();
    }

    public List<Column> getColumns() {
        return columns;
    }

    public List<String> getColumnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.getName());
        }
        return names;
    }

    public List<DataType> getColumnDataTypes() {
        List<DataType> types = new ArrayList<>();
        for (Column c : columns) {
            types.add(c.getDataType());
        }
        return types;
    }

    public Optional<Column> getColumn(String name) {
        for (Column c : columns) {
            if (c.getName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The event-time attribute's column name, if the table declares a watermark. */
    public Optional<String> getRowtimeColumn() {
        return Optional.ofNullable(rowtimeColumn);
    }

    public Optional<String> getWatermarkExpression() {
        return Optional.ofNullable(watermarkExpression);
    }

    public List<String> getPrimaryKeyColumns() {
        return primaryKey;
    }

    /** Flink's layout: one column a line in parentheses, the rowtime marked {@code *ROWTIME*}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(\n");
        List<String> lines = new ArrayList<>();
        for (Column c : columns) {
            String line = c.toString();
            if (c.getName().equals(rowtimeColumn)) {
                line = line.replaceFirst(" " + java.util.regex.Pattern.quote(c.getDataType().toString()),
                        " " + java.util.regex.Matcher.quoteReplacement(c.getDataType() + " *ROWTIME*"));
            }
            lines.add("  " + line);
        }
        if (rowtimeColumn != null) {
            lines.add("  WATERMARK FOR `" + rowtimeColumn + "`: " + getColumn(rowtimeColumn).map(Column::getDataType).orElse(null)
                    + " AS " + watermarkExpression);
        }
        if (!primaryKey.isEmpty()) {
            lines.add("  CONSTRAINT `PK` PRIMARY KEY (" + String.join(", ", primaryKey.stream().map(k -> "`" + k + "`").toList())
                    + ") NOT ENFORCED");
        }
        sb.append(String.join(",\n", lines));
        return sb.append("\n)").toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResolvedSchema)) {
            return false;
        }
        ResolvedSchema s = (ResolvedSchema) o;
        return columns.equals(s.columns) && Objects.equals(rowtimeColumn, s.rowtimeColumn) && primaryKey.equals(s.primaryKey);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }
}
