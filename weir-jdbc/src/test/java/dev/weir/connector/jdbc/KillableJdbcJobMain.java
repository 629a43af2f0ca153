package dev.weir.connector.jdbc;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.function.SerializableSupplier;
import javax.sql.XADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The child JVM of {@link JdbcProcessKillTest}: 6,000 numbers, slowed to 2,000 a second, written by two subtasks of the
 * exactly-once JDBC sink into {@code table} with checkpoints every 100 ms that survive the process, optionally
 * restored from a job's checkpoint folder. Prints {@code RUNNING <job id>} once the job runs and {@code FINISHED} when
 * it ended normally.
 *
 * <p>Arguments: the PostgreSQL port, the table, the checkpoint directory, and optionally the folder to restore from.
 */
public final class KillableJdbcJobMain {
    static final String JOB_NAME = "jdbc-kill";
    static final long COUNT = 6_000;

    private KillableJdbcJobMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String table = args[1];
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(args[2]);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (args.length > 3) {
            env.setRestorePath(args[3], false);
        }
        SerializableSupplier<XADataSource> xa = () -> {
            PGXADataSource ds = new PGXADataSource();
            ds.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
            ds.setUser("postgres");
            return ds;
        };
        env.fromSource(new DataGeneratorSource<>(i -> i, COUNT, RateLimiterStrategy.perSecond(2000)), WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .addSink(JdbcSink.exactlyOnceSink("INSERT INTO " + table + " (id, k) VALUES (?, ?)",
                        (ps, id) -> {
                            ps.setLong(1, id);
                            ps.setLong(2, id % 7);
                        },
                        JdbcExecutionOptions.builder().withBatchSize(100).withMaxRetries(0).build(), JdbcExactlyOnceOptions.defaults(), xa))
                .uid("jdbc");
        ChildJob.runToTheEnd(env.executeAsync(JOB_NAME));
    }
}
