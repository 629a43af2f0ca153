package dev.weir.streaming.api.checkpoint;

import dev.weir.configuration.ExternalizedCheckpointRetention;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;

/**
 * The child JVM of {@link ProcessKillTest}: runs {@link StatefulJob} with checkpoints every 50 ms that survive the
 * process, optionally restored from a job's checkpoint folder, prints {@code RUNNING <job id>} once the job runs and
 * {@code FINISHED} when it ended normally.
 *
 * <p>Arguments: output directory, checkpoint directory, number count, numbers per second, and optionally the folder to
 * restore from.
 */
public final class KillableJobMain {
    /** The job's name, so its checkpoint folders are {@code <checkpoint directory>/killable-<job id>}. */
    static final String JOB_NAME = "killable";

    private KillableJobMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path checkpoints = Path.of(args[1]);
        long n = Long.parseLong(args[2]);
        long perSecond = Long.parseLong(args[3]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (args.length > 4) {
            env.setRestorePath(args[4], false);
        }
        StatefulJob.build(env, n, perSecond, 2, out, true);
        ChildJob.runToTheEnd(env.executeAsync(JOB_NAME));
    }
}
