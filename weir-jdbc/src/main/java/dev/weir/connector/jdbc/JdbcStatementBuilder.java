package dev.weir.connector.jdbc;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sets the parameters of the sink's prepared statement from one record, as Flink's: e.g.
 * {@code (ps, t) -> { ps.setString(1, t.sensor); ps.setDouble(2, t.mean); }}. Called on the sink's thread for every
 * record of a batch when the batch is written (again, for the same records, when a failed batch is retried).
 */
@FunctionalInterface
public interface JdbcStatementBuilder<T> extends Serializable {
    void accept(PreparedStatement statement, T record) throws SQLException;
}
