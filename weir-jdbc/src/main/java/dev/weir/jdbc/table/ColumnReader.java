package dev.weir.jdbc.table;

import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Reads one column of a result set as Weir SQL's internal value of the table's column type: a TIMESTAMP as epoch
 * milliseconds of its wall-clock fields, a TIMESTAMP_LTZ as epoch milliseconds, a DATE as days, a TIME as milliseconds of
 * the day, numbers as the boxed Java type of the SQL type.
 */
final class ColumnReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SqlTypeName type;

    ColumnReader(SqlTypeName type) {
        this.type = type;
    }

    /** Refuses a column type the connector cannot read before the job starts. */
    static ColumnReader of(SqlTypeName type, String column, String table) {
        switch (type) {
            case BOOLEAN: case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case FLOAT: case REAL: case DOUBLE:
            case DECIMAL: case CHAR: case VARCHAR: case BINARY: case VARBINARY: case DATE: case TIME: case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return new ColumnReader(type);
            default:
                throw new ValidationException("Column '" + column + "' of table '" + table + "' has type " + type
                        + ", which the jdbc connector cannot read or write; declare it as a string or number type");
        }
    }

    SqlTypeName type() {
        return type;
    }

    /** The result set's current row, its columns read in order by {@code columns}. */
    static Row readRow(ResultSet rs, ColumnReader[] columns) throws SQLException {
        Row row = new Row(columns.length);
        for (int i = 0; i < columns.length; i++) {
            row.setField(i, columns[i].read(rs, i + 1));
        }
        return row;
    }

    Object read(ResultSet rs, int index) throws SQLException {
        Object value;
        switch (type) {
            case BOOLEAN: value = rs.getBoolean(index); break;
            case TINYINT: value = rs.getByte(index); break;
            case SMALLINT: value = rs.getShort(index); break;
            case INTEGER: value = rs.getInt(index); break;
            case BIGINT: value = rs.getLong(index); break;
            case FLOAT: case REAL: value = rs.getFloat(index); break;
            case DOUBLE: value = rs.getDouble(index); break;
            case DECIMAL: value = rs.getBigDecimal(index); break;
            case CHAR: case VARCHAR: value = rs.getString(index); break;
            case BINARY: case VARBINARY: value = rs.getBytes(index); break;
            case DATE: {
                LocalDate d = rs.getObject(index, LocalDate.class);
                value = d == null ? null : (int) d.toEpochDay();
                break;
            }
            case TIME: {
                LocalTime t = rs.getObject(index, LocalTime.class);
                value = t == null ? null : (int) (t.toNanoOfDay() / 1_000_000L);
                break;
            }
            case TIMESTAMP: {
                LocalDateTime t = rs.getObject(index, LocalDateTime.class);
                value = t == null ? null : t.toInstant(ZoneOffset.UTC).toEpochMilli();
                break;
            }
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                value = t == null ? null : t.toInstant().toEpochMilli();
                break;
            }
            default:
                throw new IllegalStateException("unreadable type " + type);
        }
        return rs.wasNull() ? null : value;
    }
}
