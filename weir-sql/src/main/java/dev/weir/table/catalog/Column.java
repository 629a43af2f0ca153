package dev.weir.table.catalog;

import dev.weir.table.types.DataType;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * A column of a {@link ResolvedSchema}, as in Flink: physical (stored by the connector), computed (an expression over
 * other columns) or metadata (read from the connector's metadata).
 */
public class Column implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType dataType;
    private final String expression;
    private final String metadataKey;
    private final boolean metadata;

    private Column(String name, DataType dataType, String expression, boolean metadata, String metadataKey) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.expression = expression;
        this.metadata = metadata;
        this.metadataKey = metadataKey;
    }

    /** A column the connector reads and writes. */
    public static Column physical(String name, DataType dataType) {
        return new Column(name, dataType, null, false, null);
    }

    /** A column computed by a SQL expression over the physical columns. */
    public static Column computed(String name, DataType dataType, String sqlExpression) {
        return new Column(name, dataType, Objects.requireNonNull(sqlExpression, "sqlExpression"), false, null);
    }

    /** A column read from the connector's metadata under {@code metadataKey} (null: the column's name). */
    public static Column metadata(String name, DataType dataType, String metadataKey, boolean isVirtual) {
        return new Column(name, dataType, null, true, metadataKey);
    }

    public String getName() {
        return name;
    }

    public DataType getDataType() {
        return dataType;
    }

    public boolean isPhysical() {
        return expression == null && !metadata;
    }

    /** The SQL expression of a computed column. */
    public Optional<String> getExpression() {
        return Optional.ofNullable(expression);
    }

    public Optional<String> getMetadataKey() {
        return Optional.ofNullable(metadataKey);
    }

    public boolean isMetadata() {
        return metadata;
    }

    @Override
    public String toString() {
        String s = "`" + name + "` " + dataType;
        if (expression != null) {
            s += " AS " + expression;
        } else if (metadata) {
            s += " METADATA" + (metadataKey == null ? "" : " FROM '" + metadataKey + "'");
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Column)) {
            return false;
        }
        Column c = (Column) o;
        return name.equals(c.name) && dataType.equals(c.dataType) && Objects.equals(expression, c.expression)
                && metadata == c.metadata && Objects.equals(metadataKey, c.metadataKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dataType, expression);
    }
}
