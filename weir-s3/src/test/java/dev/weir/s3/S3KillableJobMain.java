package dev.weir.s3;

import dev.weir.configuration.Configuration;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.checkpoint.StatefulJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;

/**
 * The child JVM of {@link S3ProcessKillTest}: runs {@link StatefulJob} with checkpoints every 50 ms on S3 (s3proxy in
 * the test's JVM), optionally restored from an {@code s3://} job folder, prints {@code RUNNING <job id>} once the job
 * runs and {@code FINISHED} when it ended normally.
 *
 * <p>Arguments: output directory, checkpoint location ({@code s3://...}), S3 endpoint, number count, numbers per
 * second, and optionally the location to restore from.
 */
public final class S3KillableJobMain {
    static final String JOB_NAME = "killable";

    private S3KillableJobMain() {
    }

    public static void main(String[] args) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("s3.endpoint", args[2]);
        conf.setString("s3.path.style.access", "true");
        conf.setString("s3.access-key", S3ProxyServer.ACCESS_KEY);
        conf.setString("s3.secret-key", S3ProxyServer.SECRET_KEY);
        conf.setString("execution.checkpointing.dir", args[1]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (args.length > 5) {
            env.setRestorePath(args[5], false);
        }
        StatefulJob.build(env, Long.parseLong(args[3]), Long.parseLong(args[4]), 2, Path.of(args[0]), true);
        ChildJob.runToTheEnd(env.executeAsync(JOB_NAME));
    }
}
