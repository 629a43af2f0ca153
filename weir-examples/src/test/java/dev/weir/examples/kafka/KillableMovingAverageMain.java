package dev.weir.examples.kafka;

import dev.weir.api.JobClient;
import dev.weir.api.StreamExecutionEnvironment;
import dev.weir.api.checkpoint.ExternalizedCheckpointRetention;
import dev.weir.api.functions.MapFunction;
import dev.weir.examples.kafka.MovingAverage.Reading;

/**
 * The child JVM of {@link MovingAverageProcessKillTest}: runs the moving-average job against the test's broker with
 * exactly-once output and checkpoints every 100 ms that survive the process, optionally restored from a job's
 * checkpoint folder; prints {@code RUNNING <job id>} once the job runs and {@code FINISHED} when it ended normally.
 *
 * <p>Arguments: bootstrap servers, output topic, transactional id prefix, checkpoint directory, and optionally the
 * folder to restore from.
 */
public final class KillableMovingAverageMain {
    /** The job's name, so its checkpoint folders are {@code <checkpoint directory>/moving-average-kill-<job id>}. */
    static final String JOB_NAME = "moving-average-kill";

    private KillableMovingAverageMain() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(args[3]);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (args.length > 4) {
            env.setRestorePath(args[4], false);
        }
        build(env, args[0], args[1], args[2]);
        JobClient client = env.executeAsync(JOB_NAME);
        System.out.println("RUNNING " + client.getJobID());
        System.out.flush();
        try {
            client.getJobExecutionResult().get();
        } catch (Exception e) {
            // The engine's threads would keep the JVM alive; the test reads the exit code and this log.
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.out.println("FINISHED");
        System.out.flush();
        System.exit(0);
    }

    /** The moving-average job, its input slowed down so that a run lasts a few seconds and completes many checkpoints. */
    static void build(StreamExecutionEnvironment env, String bootstrap, String outTopic, String transactionalIdPrefix) {
        MovingAverage.averages(MovingAverage.readings(env, MovingAverage.source(bootstrap, "readings"))
                        .map(new Throttle()).uid("throttle"))
                .sinkTo(MovingAverage.sink(bootstrap, outTopic, transactionalIdPrefix)).uid("sink");
    }

    /** Passes readings through, pausing 10 ms after every 50 of them. */
    static final class Throttle implements MapFunction<Reading, Reading> {
        private long seen;

        @Override
        public Reading map(Reading value) throws InterruptedException {
            if (++seen % 50 == 0) {
                Thread.sleep(10);
            }
            return value;
        }
    }
}
