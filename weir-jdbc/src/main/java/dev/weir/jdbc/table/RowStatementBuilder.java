package dev.weir.jdbc.table;

import dev.weir.connector.jdbc.JdbcStatementBuilder;
import dev.weir.sql.types.ValueConversions;
import dev.weir.types.Row;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Binds chosen fields of a Weir SQL row (internal form) to a statement's parameters in order: temporal values become
 * {@code LocalDateTime}, {@code LocalDate}, {@code LocalTime} or (for TIMESTAMP_LTZ) a UTC {@code OffsetDateTime}, which
 * JDBC 4.2 drivers accept; a null becomes {@code setNull} with the column's JDBC type.
 */
final class RowStatementBuilder implements JdbcStatementBuilder<Row> {
    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final SqlTypeName[] types;

    /** Binds {@code fields} of each row, whose types are {@code types} (one per bound field). */
    RowStatementBuilder(int[] fields, SqlTypeName[] types) {
        this.fields = fields.clone();
        this.types = types.clone();
    }

    @Override
    public void accept(PreparedStatement statement, Row row) throws SQLException {
        for (int i = 0; i < fields.length; i++) {
            Object value = ValueConversions.toExternal(row.getField(fields[i]), types[i]);
            if (value == null) {
                statement.setNull(i + 1, types[i].getJdbcOrdinal());
            } else if (value instanceof Instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
