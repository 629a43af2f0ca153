package dev.weir.connector.jdbc;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Rows per second of the at-least-once JDBC sink (one subtask, plain INSERTs into a table with a primary key) on the
 * embedded PostgreSQL, for batch sizes 1, 100 and 1000; a measurement to run by hand, not a test. Arguments: the
 * number of rows (default 50,000) and extra JDBC URL parameters (e.g. {@code reWriteBatchedInserts=true}).
 */
public final class JdbcSinkThroughput {
    private JdbcSinkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
        String parameters = args.length > 1 ? "?" + args[1] : "";
        EmbeddedPostgres pg = SharedPostgres.server();
        JdbcConnectionOptions connection = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(SharedPostgres.url(pg) + parameters).withUsername("postgres").build();
        for (int batchSize : new int[] {1000, 1, 100, 1000}) {
            SharedPostgres.execute(pg, "DROP TABLE IF EXISTS throughput", "CREATE TABLE throughput (id BIGINT PRIMARY KEY, v DOUBLE PRECISION)");
            long n = batchSize == 1 ? rows / 10 : rows;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSequence(1, n).addSink(JdbcSink.sink("INSERT INTO throughput (id, v) VALUES (?, ?)",
                    (ps, id) -> {
                        ps.setLong(1, id);
                        ps.setDouble(2, id * 0.5);
                    },
                    JdbcExecutionOptions.builder().withBatchSize(batchSize).build(), connection));
            long start = System.nanoTime();
            env.execute("throughput");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("batch size %5d: %,d rows in %.2f s = %,.0f rows/s%n", batchSize, n, seconds, n / seconds);
        }
        System.exit(0);
    }
}
