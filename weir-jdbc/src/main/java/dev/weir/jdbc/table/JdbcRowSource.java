package dev.weir.jdbc.table;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.connector.jdbc.JdbcConnectionOptions;
import dev.weir.jdbc.Connections;
import dev.weir.streaming.api.functions.source.RichParallelSourceFunction;
import dev.weir.types.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code jdbc} table connector's scan: a bounded read of the table, whole (one subtask reads it) or split by
 * {@code scan.partition.*} into ranges of a numeric column: partition {@code i} of {@code n}
 * covers {@code [lower + i * size, lower + (i + 1) * size - 1]}, {@code size = ceil((upper - lower + 1) / n)}, and
 * subtask {@code s} of {@code p} reads partitions {@code s, s + p, ...}.
 */
final class JdbcRowSource extends RichParallelSourceFunction<Row> {
    private static final long serialVersionUID = 1L;

    private final JdbcConnectionOptions connectionOptions;
    private final String sql;
    private final ColumnReader[] columns;
    /** The partitions' bounds, {@code [lower, upper]} pairs, or empty for one unpartitioned query. */
    private final long[] bounds;
    private final int fetchSize;
    private final boolean autoCommit;

    private transient volatile boolean cancelled;

    JdbcRowSource(JdbcConnectionOptions connectionOptions, String sql, ColumnReader[] columns, long[] bounds, int fetchSize,
            boolean autoCommit) {
        this.connectionOptions = connectionOptions;
        this.sql = sql;
        this.columns = columns.clone();
        this.bounds = bounds.clone();
        this.fetchSize = fetchSize;
        this.autoCommit = autoCommit;
    }

    /** The bounds of {@code count} partitions of {@code [lower, upper]}, as Flink's numeric partitioning splits them. */
    static long[] partitions(long lower, long upper, int count) {
        long size = Math.floorDiv(upper - lower + count, count);
        int n = (int) Math.min(count, Math.floorDiv(upper - lower + size, size));
        long[] bounds = new long[2 * n];
        for (int i = 0; i < n; i++) {
            bounds[2 * i] = lower + i * size;
            bounds[2 * i + 1] = Math.min(upper, lower + (i + 1) * size - 1);
        }
        return bounds;
    }

    @Override
    public void open(OpenContext openContext) {
        cancelled = false;
    }

    @Override
    public void run(SourceContext<Row> ctx) throws Exception {
        int subtask = getRuntimeContext().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        try (Connection connection = Connections.open(connectionOptions)) {
            // PostgreSQL streams rows by the fetch size only outside auto-commit ('scan.auto-commit' = 'false').
            connection.setAutoCommit(autoCommit);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (fetchSize > 0) {
                    statement.setFetchSize(fetchSize);
                }
                if (bounds.length == 0) {
                    if (subtask == 0) {
                        emit(statement, ctx);
                    }
                    return;
                }
                for (int p = subtask; p < bounds.length / 2 && !cancelled; p += parallelism) {
                    statement.setLong(1, bounds[2 * p]);
                    statement.setLong(2, bounds[2 * p + 1]);
                    emit(statement, ctx);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("The jdbc scan of " + connectionOptions.getDbURL() + " failed running '" + sql + "': "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    private void emit(PreparedStatement statement, SourceContext<Row> ctx) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (!cancelled && rs.next()) {
                Row row = ColumnReader.readRow(rs, columns);
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(row);
                }
            }
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
