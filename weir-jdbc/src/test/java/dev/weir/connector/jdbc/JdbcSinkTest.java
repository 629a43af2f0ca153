package dev.weir.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.jdbc.JdbcWriteException;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The at-least-once JDBC sink ({@code JdbcSink.sink}) on a real PostgreSQL. */
@Timeout(120)
class JdbcSinkTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();

    @TempDir
    Path dir;

    @Test
    void everyRecordOfABoundedJobIsInTheTableInBatchesAndAtTheEnd() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS numbers", "CREATE TABLE numbers (n BIGINT PRIMARY KEY, square BIGINT NOT NULL)");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1050).addSink(JdbcSink.sink("INSERT INTO numbers (n, square) VALUES (?, ?)",
                (ps, n) -> {
                    ps.setLong(1, n);
                    ps.setLong(2, n * n);
                },
                JdbcExecutionOptions.builder().withBatchSize(100).build(), SharedPostgres.connectionOptions(PG)));
        env.execute("numbers");

        assertThat(SharedPostgres.rows(PG, "SELECT count(*), sum(n), sum(square), min(n), max(n) FROM numbers"))
                .containsExactly("1050," + LongStream.rangeClosed(1, 1050).sum() + "," + LongStream.rangeClosed(1, 1050).map(n -> n * n).sum() + ",1,1050");
    }

    @Test
    void anUpsertSinkReplayedAfterAFailureLeavesTheTableExactlyAsWithoutTheFailure() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS totals_clean", "DROP TABLE IF EXISTS totals_faulty",
                "CREATE TABLE totals_clean (k INT PRIMARY KEY, n BIGINT NOT NULL, total BIGINT NOT NULL)",
                "CREATE TABLE totals_faulty (k INT PRIMARY KEY, n BIGINT NOT NULL, total BIGINT NOT NULL)");
        runningTotals("totals_clean", false);
        int attempts = runningTotals("totals_faulty", true);

        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            final int key = k;
            expected.add(k + ",200," + LongStream.range(0, 2000).filter(i -> i % 10 == key).sum());
        }
        assertThat(SharedPostgres.rows(PG, "SELECT k, n, total FROM totals_clean ORDER BY k")).isEqualTo(expected);
        assertThat(SharedPostgres.rows(PG, "SELECT k, n, total FROM totals_faulty ORDER BY k")).isEqualTo(expected);
        assertThat(attempts).as("the faulty job failed once after a checkpoint and finished in its second attempt").isEqualTo(1);
    }

    /** Keyed running count and sum of 2000 numbers (keys 0..9) written with an upsert; returns the last attempt's number. */
    private int runningTotals(String table, boolean fail) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + table).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(10)));
        env.fromSource(new DataGeneratorSource<>(i -> i, 2000, RateLimiterStrategy.perSecond(2000)), WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .map(new FailOnceAfterACheckpoint(fail)).uid("fail")
                .keyBy(i -> (int) (i % 10))
                .process(new RunningTotal()).uid("totals")
                .addSink(JdbcSink.sink("INSERT INTO " + table + " (k, n, total) VALUES (?, ?, ?) "
                                + "ON CONFLICT (k) DO UPDATE SET n = EXCLUDED.n, total = EXCLUDED.total",
                        (ps, t) -> {
                            ps.setInt(1, (int) t[0]);
                            ps.setLong(2, t[1]);
                            ps.setLong(3, t[2]);
                        },
                        JdbcExecutionOptions.builder().withBatchSize(50).withBatchIntervalMs(20).build(), SharedPostgres.connectionOptions(PG)))
                .uid("jdbc");
        return env.execute("totals-" + table).<Integer>getAccumulatorResult("attempt");
    }

    /**
     * Fails once, in the first attempt, at the first record after a checkpoint completed and after 500 records, so the
     * restored job replays records whose rows the sink already wrote. Past 500 records it waits for that checkpoint.
     */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final boolean fail;
        private transient volatile boolean checkpointed;
        private transient long seen;

        FailOnceAfterACheckpoint(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().addAccumulator("attempt",
                        new dev.weir.api.common.accumulators.IntCounter(getRuntimeContext().getTaskInfo().getAttemptNumber()));
            }
        }

        @Override
        public Long map(Long value) throws InterruptedException {
            seen++;
            if (fail && seen > 500 && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0) {
                if (checkpointed) {
                    throw new IllegalStateException("injected failure at " + value);
                }
                // No checkpoint completed yet (a loaded machine): slow this attempt down rather than let it finish
                // without failing; barriers pass between records, so one completes soon.
                Thread.sleep(2);
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    /** Emits {key, count, sum} for every number, from keyed state. */
    static final class RunningTotal extends KeyedProcessFunction<Integer, Long, long[]> {
        private transient ValueState<long[]> state;

        @Override
        public void open(OpenContext openContext) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("total", long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<long[]> out) throws Exception {
            long[] t = state.value();
            long[] next = t == null ? new long[] {ctx.getCurrentKey(), 1, value} : new long[] {t[0], t[1] + 1, t[2] + value};
            state.update(next);
            out.collect(next);
        }
    }

    @Test
    void aBatchWhoseConnectionWasKilledIsWrittenAgainOnANewConnectionWithoutLosingOrDuplicatingARow() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS survivors", "CREATE TABLE survivors (id BIGINT PRIMARY KEY)");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.noRestart());
        JdbcConnectionOptions tagged = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(SharedPostgres.url(PG))
                .withUsername("postgres").withProperty("ApplicationName", "weir-retry-test").build();
        env.fromSequence(0, 599)
                .map(new KillTheSinksConnectionAt(300, SharedPostgres.url(PG)))
                .addSink(JdbcSink.sink("INSERT INTO survivors (id) VALUES (?)", (ps, id) -> ps.setLong(1, id),
                        JdbcExecutionOptions.builder().withBatchSize(50).withMaxRetries(2).build(), tagged));
        env.execute("retry");

        assertThat(KillTheSinksConnectionAt.killed).as("backends terminated").isEqualTo(1);
        assertThat(SharedPostgres.rows(PG, "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM survivors"))
                .containsExactly("600,600,0,599");
    }

    /** At record {@code at} terminates the sink's database session (found by its application name), as a failover would. */
    static final class KillTheSinksConnectionAt extends RichMapFunction<Long, Long> {
        static volatile int killed;
        private final long at;
        private final String url;

        KillTheSinksConnectionAt(long at, String url) {
            this.at = at;
            this.url = url;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (value == at) {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
                        java.sql.Statement s = c.createStatement();
                        java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM "
                                + "pg_stat_activity WHERE application_name = 'weir-retry-test') t")) {
                    rs.next();
                    killed = rs.getInt(1);
                }
            }
            return value;
        }
    }

    @Test
    void theBatchIntervalWritesABatchThatIsNotFullWithoutACheckpointOrTheEndOfInput() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS timed", "CREATE TABLE timed (id BIGINT PRIMARY KEY)");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(0, 2)
                .map(new AwaitRowBefore(2, SharedPostgres.url(PG)))
                .addSink(JdbcSink.sink("INSERT INTO timed (id) VALUES (?)", (ps, id) -> ps.setLong(1, id),
                        JdbcExecutionOptions.builder().withBatchSize(100).withBatchIntervalMs(20).build(), SharedPostgres.connectionOptions(PG)));
        env.execute("timed");

        assertThat(SharedPostgres.rows(PG, "SELECT id FROM timed ORDER BY id")).containsExactly("0", "1", "2");
    }

    /**
     * Before passing record {@code at} on, waits until the records before it are in the table: only the sink's interval
     * flush can write them then (the batch holds 100, the job takes no checkpoint, the input has not ended). Gives up,
     * failing the job, after 30 s.
     */
    static final class AwaitRowBefore extends RichMapFunction<Long, Long> {
        private final long at;
        private final String url;

        AwaitRowBefore(long at, String url) {
            this.at = at;
            this.url = url;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (value == at) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
                        java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM timed")) {
                    while (true) {
                        try (java.sql.ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) == at) {
                                return value;
                            }
                        }
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("the interval flush did not write the first " + at + " rows within 30 s");
                        }
                        Thread.sleep(5);
                    }
                }
            }
            return value;
        }
    }

    @Test
    void aRowTheDatabaseRefusesFailsTheJobNamingTheRowTheStatementAndTheDatabasesMessage() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS small", "CREATE TABLE small (n INT PRIMARY KEY, label VARCHAR(5) NOT NULL)");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("a", "bb", "much too long", "cc").addSink(JdbcSink.sink("INSERT INTO small (n, label) VALUES (?, ?)",
                (ps, s) -> {
                    ps.setInt(1, s.length());
                    ps.setString(2, s);
                },
                JdbcExecutionOptions.builder().withBatchSize(10).build(), SharedPostgres.connectionOptions(PG)));

        Throwable writeFailure = failureOfType(env, JdbcWriteException.class);
        assertThat(writeFailure.getMessage())
                .startsWith("The JDBC sink could not write row 3 of a batch of 4, much too long, with the statement "
                        + "'INSERT INTO small (n, label) VALUES (?, ?)': the database said: ERROR: value too long for type character varying(5)")
                .contains("(SQL state 22001)");
        assertThat(SharedPostgres.rows(PG, "SELECT count(*) FROM small")).containsExactly("0");
    }

    private static Throwable failureOfType(StreamExecutionEnvironment env, Class<? extends Throwable> type) {
        try {
            env.execute("bad row");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + " in the job's failure", e);
        }
        throw new AssertionError("the job did not fail");
    }
}
