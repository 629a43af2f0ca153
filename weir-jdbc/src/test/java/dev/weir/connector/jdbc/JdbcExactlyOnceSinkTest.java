package dev.weir.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.jdbc.JdbcSinkTest.FailOnceAfterACheckpoint;
import dev.weir.jdbc.JdbcWriteException;
import dev.weir.jdbc.OrphanXids;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.function.SerializableSupplier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.XADataSource;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once JDBC sink ({@code JdbcSink.exactlyOnceSink}, XA two-phase commit) on a real PostgreSQL. */
@Timeout(120)
class JdbcExactlyOnceSinkTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();
    private static final JdbcExecutionOptions NO_RETRIES = JdbcExecutionOptions.builder().withBatchSize(40).withMaxRetries(0).build();

    @TempDir
    Path dir;

    private static SerializableSupplier<XADataSource> xa(EmbeddedPostgres pg) {
        int port = pg.getPort();
        return () -> {
            org.postgresql.xa.PGXADataSource ds = new org.postgresql.xa.PGXADataSource();
            ds.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
            ds.setUser("postgres");
            return ds;
        };
    }

    private static JdbcStatementBuilder<Long> idAndKey() {
        return (ps, id) -> {
            ps.setLong(1, id);
            ps.setLong(2, id % 7);
        };
    }

    @Test
    void aCheckpointedJobCommitsEveryRecordOnceAndLeavesNoPreparedTransaction() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS events_once", "CREATE TABLE events_once (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSource(new DataGeneratorSource<>(i -> i, 1000, RateLimiterStrategy.perSecond(4000)), WatermarkStrategy.noWatermarks(), "events")
                .addSink(JdbcSink.exactlyOnceSink("INSERT INTO events_once (id, k) VALUES (?, ?)", idAndKey(), NO_RETRIES,
                        JdbcExactlyOnceOptions.defaults(), xa(PG)));
        env.execute("xa round trip");

        assertThat(SharedPostgres.rows(PG, "SELECT count(*), sum(id), min(id), max(id) FROM events_once"))
                .containsExactly("1000," + LongStream.range(0, 1000).sum() + ",0,999");
        assertThat(SharedPostgres.rows(PG, "SELECT gid FROM pg_prepared_xacts")).isEmpty();
    }

    @Test
    void aJobThatFailsAfterACheckpointWritesExactlyTheFailureFreeTableAndLeavesNoPreparedTransaction() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS events_clean", "DROP TABLE IF EXISTS events_faulty",
                "CREATE TABLE events_clean (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)",
                "CREATE TABLE events_faulty (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)");
        run("events_clean", false);
        int attempts = run("events_faulty", true);

        // The primary key refuses a second copy of a row: a duplicate would have failed the job.
        List<String> clean = SharedPostgres.rows(PG, "SELECT id, k FROM events_clean ORDER BY id");
        assertThat(clean).hasSize(2000).startsWith("0,0", "1,1").endsWith("1999," + 1999 % 7);
        assertThat(SharedPostgres.rows(PG, "SELECT id, k FROM events_faulty ORDER BY id")).isEqualTo(clean);
        assertThat(attempts).as("the faulty job failed once after a checkpoint").isEqualTo(1);
        assertThat(SharedPostgres.rows(PG, "SELECT gid FROM pg_prepared_xacts")).isEmpty();
    }

    private int run(String table, boolean fail) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + table).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(10)));
        env.fromSource(new DataGeneratorSource<>(i -> i, 2000, RateLimiterStrategy.perSecond(2000)), WatermarkStrategy.noWatermarks(), "events")
                .uid("events")
                .map(new FailOnceAfterACheckpoint(fail)).uid("fail")
                .addSink(JdbcSink.exactlyOnceSink("INSERT INTO " + table + " (id, k) VALUES (?, ?)", idAndKey(), NO_RETRIES,
                        JdbcExactlyOnceOptions.defaults(), xa(PG)))
                .uid("jdbc");
        return env.execute("xa-" + table).<Integer>getAccumulatorResult("attempt");
    }

    @Test
    void aRestoredSinkRollsBackItsPreparedTransactionsOfCheckpointsThatNeverCompletedAndLeavesOthersAlone() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS orphans", "CREATE TABLE orphans (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)");
        String sql = "INSERT INTO orphans (id, k) VALUES (?, ?)";
        // A foreign prepared transaction (not Weir's) and one of this sink whose checkpoint never completed.
        SharedPostgres.execute(PG, "BEGIN", "INSERT INTO orphans VALUES (-1, 0)", "PREPARE TRANSACTION 'someone else'");
        prepareOrphan(sql, taskNameOfTheSink(), 1000);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        env.fromSequence(1, 3).addSink(JdbcSink.exactlyOnceSink(sql, idAndKey(), NO_RETRIES, JdbcExactlyOnceOptions.defaults(), xa(PG)))
                .name("jdbc");
        env.execute("orphans");

        assertThat(SharedPostgres.rows(PG, "SELECT gid FROM pg_prepared_xacts")).containsExactly("someone else");
        SharedPostgres.execute(PG, "ROLLBACK PREPARED 'someone else'");
        assertThat(SharedPostgres.rows(PG, "SELECT id FROM orphans ORDER BY id")).containsExactly("1", "2", "3");
    }

    /** Prepares, as the job's sink would have, a transaction writing row {@code id}, and leaves it prepared. */
    private static void prepareOrphan(String sql, String taskName, long id) throws Exception {
        Xid xid = OrphanXids.of(sql, taskName, 0);
        XAConnection xaConnection = xa(PG).get().getXAConnection();
        try {
            XAResource resource = xaConnection.getXAResource();
            resource.start(xid, XAResource.TMNOFLAGS);
            try (Connection c = xaConnection.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orphans VALUES (" + id + ", 0)");
            }
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
        } finally {
            xaConnection.close();
        }
    }

    /** The task name the job's sink runs in: the same job shape with a sink that records it. */
    private static String taskNameOfTheSink() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(1, 1).addSink(new TaskNameProbe()).name("jdbc");
        env.execute("probe");
        return TaskNameProbe.taskName;
    }

    /** Records the name of the task it runs in. */
    static final class TaskNameProbe extends RichSinkFunction<Long> {
        static volatile String taskName;

        @Override
        public void invoke(Long value, Context context) {
            taskName = getRuntimeContext().getTaskName();
        }
    }

    @Test
    void aDatabaseWithoutPreparedTransactionsIsRefusedWithAMessageThatSaysWhatToSet() throws Exception {
        EmbeddedPostgres plain = SharedPostgres.defaultServer();
        SharedPostgres.execute(plain, "DROP TABLE IF EXISTS events", "CREATE TABLE events (id BIGINT PRIMARY KEY, k BIGINT NOT NULL)");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(1, 3).addSink(JdbcSink.exactlyOnceSink("INSERT INTO events (id, k) VALUES (?, ?)", idAndKey(), NO_RETRIES,
                JdbcExactlyOnceOptions.defaults(), xa(plain)));

        assertThatThrownBy(() -> env.execute("no prepared transactions"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessage("The exactly-once JDBC sink needs prepared transactions, but PostgreSQL at "
                        + "jdbc:postgresql://localhost:" + plain.getPort() + "/postgres has max_prepared_transactions = 0 (the default). "
                        + "Set max_prepared_transactions in postgresql.conf to at least the sink's parallelism times (max concurrent "
                        + "checkpoints + 1), e.g. 100, and restart the server; or use JdbcSink.sink with an upsert statement "
                        + "(at-least-once, idempotent).");
    }

    @Test
    void aBadRowFailsTheJobNamingTheRowAndLeavesNothingPrepared() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS positive", "CREATE TABLE positive (id BIGINT PRIMARY KEY, k BIGINT NOT NULL CHECK (k < 6))");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(1, 10).addSink(JdbcSink.exactlyOnceSink("INSERT INTO positive (id, k) VALUES (?, ?)", idAndKey(), NO_RETRIES,
                JdbcExactlyOnceOptions.defaults(), xa(PG)));

        assertThatThrownBy(() -> env.execute("bad row"))
                .satisfies(e -> {
                    Throwable t = e;
                    while (t != null && !(t instanceof JdbcWriteException)) {
                        t = t.getCause();
                    }
                    assertThat(t).as("a JdbcWriteException in the failure").isNotNull();
                    assertThat(t.getMessage()).startsWith("The JDBC sink could not write row 6 of a batch of 10, 6, with the statement "
                            + "'INSERT INTO positive (id, k) VALUES (?, ?)': the database said: ERROR: new row for relation \"positive\" "
                            + "violates check constraint \"positive_k_check\"");
                });
        assertThat(SharedPostgres.rows(PG, "SELECT count(*) FROM positive")).containsExactly("0");
        assertThat(SharedPostgres.rows(PG, "SELECT gid FROM pg_prepared_xacts")).isEmpty();
    }

    @Test
    void theExactlyOnceSinkRefusesRetriesWhenTheJobIsBuilt() {
        assertThatThrownBy(() -> JdbcSink.exactlyOnceSink("INSERT INTO t VALUES (?, ?)", idAndKey(), JdbcExecutionOptions.defaults(),
                JdbcExactlyOnceOptions.defaults(), xa(PG)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JdbcSink.exactlyOnceSink needs JdbcExecutionOptions with maxRetries 0 (got 3): a batch retried inside "
                        + "an XA transaction could be written twice. Use JdbcExecutionOptions.builder().withMaxRetries(0); a failed "
                        + "write restarts the job from its last checkpoint.");
    }
}
