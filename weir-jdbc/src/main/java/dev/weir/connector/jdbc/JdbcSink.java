package dev.weir.connector.jdbc;

import dev.weir.jdbc.BatchedJdbcSinkFunction;
import dev.weir.jdbc.XaJdbcSinkFunction;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.util.function.SerializableSupplier;
import java.util.Objects;
import javax.sql.XADataSource;

/**
 * JDBC sinks with flink-connector-jdbc's (3.1/3.2, for Flink 1.20) entry points, for {@code DataStream#addSink}:
 * <pre>{@code
 * stream.addSink(JdbcSink.sink(
 *         "INSERT INTO averages (sensor, mean) VALUES (?, ?) ON CONFLICT (sensor) DO UPDATE SET mean = EXCLUDED.mean",
 *         (ps, a) -> { ps.setString(1, a.sensor); ps.setDouble(2, a.mean); },
 *         JdbcExecutionOptions.builder().withBatchSize(1000).withBatchIntervalMs(200).build(),
 *         new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
 *                 .withUrl("jdbc:postgresql://localhost:5432/weir").withUsername("weir").withPassword("secret").build()));
 * }</pre>
 * {@link #sink} is at-least-once (idempotent, so effectively exactly-once, with an upsert statement);
 * {@link #exactlyOnceSink} commits through XA when checkpoints complete. Weir has no Sink-v2 {@code JdbcSink.builder()}
 * (connector 3.3+) yet.
 */
public final class JdbcSink {
    private JdbcSink() {
    }

    /** The at-least-once sink with Flink's default execution options (batches of 5000, 3 retries). */
    public static <T> SinkFunction<T> sink(String sql, JdbcStatementBuilder<T> statementBuilder, JdbcConnectionOptions connectionOptions) {
        return sink(sql, statementBuilder, JdbcExecutionOptions.defaults(), connectionOptions);
    }

    /**
     * The at-least-once sink: batches of {@code executionOptions}' size written on an auto-commit connection, flushed
     * by the interval, at every checkpoint and at the end of the input, retried as Flink does.
     */
    public static <T> SinkFunction<T> sink(String sql, JdbcStatementBuilder<T> statementBuilder, JdbcExecutionOptions executionOptions,
            JdbcConnectionOptions connectionOptions) {
        requireSql(sql);
        return new BatchedJdbcSinkFunction<>(sql, Objects.requireNonNull(statementBuilder, "statementBuilder"),
                Objects.requireNonNull(executionOptions, "executionOptions"), Objects.requireNonNull(connectionOptions, "connectionOptions"));
    }

    /**
     * The exactly-once sink: one XA transaction per subtask and checkpoint, prepared at the checkpoint and committed when
     * it completes; on restore, prepared transactions are committed (restored checkpoint) or rolled back (others). Needs
     * checkpointing, a database with XA (PostgreSQL with {@code max_prepared_transactions} > 0, MySQL, ...), and
     * {@code maxRetries} 0 as in Flink: a retried batch inside an XA transaction could be written twice.
     */
    public static <T> SinkFunction<T> exactlyOnceSink(String sql, JdbcStatementBuilder<T> statementBuilder,
            JdbcExecutionOptions executionOptions, JdbcExactlyOnceOptions exactlyOnceOptions,
            SerializableSupplier<XADataSource> dataSourceSupplier) {
        requireSql(sql);
        Objects.requireNonNull(executionOptions, "executionOptions");
        if (executionOptions.getMaxRetries() != 0) {
            throw new IllegalArgumentException("JdbcSink.exactlyOnceSink needs JdbcExecutionOptions with maxRetries 0 (got "
                    + executionOptions.getMaxRetries() + "): a batch retried inside an XA transaction could be written twice. "
                    + "Use JdbcExecutionOptions.builder().withMaxRetries(0); a failed write restarts the job from its last checkpoint.");
        }
        return new XaJdbcSinkFunction<>(sql, Objects.requireNonNull(statementBuilder, "statementBuilder"), executionOptions,
                Objects.requireNonNull(exactlyOnceOptions, "exactlyOnceOptions"), Objects.requireNonNull(dataSourceSupplier, "dataSourceSupplier"));
    }

    private static void requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("JdbcSink: no SQL statement; pass e.g. \"INSERT INTO t (k, v) VALUES (?, ?)\"");
        }
    }
}
