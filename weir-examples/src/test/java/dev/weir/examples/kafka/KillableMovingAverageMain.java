package dev.weir.examples.kafka;

import dev.weir.configuration.Configuration;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.StatefulSinkWriter;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.connector.kafka.sink.KafkaCommittable;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.examples.kafka.MovingAverage.Reading;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link MovingAverageProcessKillTest}: runs the moving-average job against the test's broker with
 * exactly-once output and checkpoints every 100 ms that survive the process, optionally restored from a job's
 * checkpoint folder; prints {@code RUNNING <job id>} once the job runs, {@code INPUT ENDED <subtask>} when a sink
 * subtask reached the end of its input (its final output is committed when the job ends), and {@code FINISHED} when
 * it ended normally.
 *
 * <p>Arguments: bootstrap servers, output topic, transactional id prefix, checkpoint location, then as the {@code weir}
 * command takes them, optionally {@code -s <checkpoint folder to restore from>} and any {@code -D<key>=<value>}
 * settings (the {@code s3.*} ones for checkpoints on {@code s3://}), and {@value #HOLD_AT_END} for a run the test kills.
 */
public final class KillableMovingAverageMain {
    /** The job's name, so its checkpoint folders are {@code <checkpoint directory>/moving-average-kill-<job id>}. */
    static final String JOB_NAME = "moving-average-kill";
    /**
     * The sink's transaction timeout, ten minutes (the broker allows up to fifteen): a transaction a kill left open
     * outlives the test unless a restarted writer aborts it.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";
    /**
     * The argument of a run the test kills: once the final averages are committed, the job waits for the kill instead of
     * ending. A job that ends deletes its checkpoints (they are retained on cancellation and failure only), so a kill
     * landing after the end on a loaded machine left no folder to restore from.
     */
    static final String HOLD_AT_END = "--hold-at-end";

    private KillableMovingAverageMain() {
    }

    public static void main(String[] args) throws Exception {
        Configuration conf = new Configuration();
        String restore = null;
        boolean holdAtEnd = false;
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals(HOLD_AT_END)) {
                holdAtEnd = true;
            } else if (args[i].equals("-s")) {
                restore = args[++i];
            } else if (args[i].startsWith("-D") && args[i].contains("=")) {
                int eq = args[i].indexOf('=');
                conf.setString(args[i].substring(2, eq), args[i].substring(eq + 1));
            } else {
                throw new IllegalArgumentException("KillableMovingAverageMain: unexpected argument '" + args[i]
                        + "'; after the four positional ones only -s <restore folder>, -D<key>=<value> and " + HOLD_AT_END + " are taken");
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(args[3]);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restore != null) {
            env.setRestorePath(restore, false);
        }
        build(env, args[0], args[1], args[2], holdAtEnd);
        ChildJob.runToTheEnd(env.executeAsync(JOB_NAME));
    }

    /** The moving-average job, its input slowed down so that a run lasts a few seconds and completes many checkpoints. */
    static void build(StreamExecutionEnvironment env, String bootstrap, String outTopic, String transactionalIdPrefix) {
        build(env, bootstrap, outTopic, transactionalIdPrefix, false);
    }

    /** {@code holdAtEnd}: the job waits for a kill after committing its final averages instead of ending. */
    static void build(StreamExecutionEnvironment env, String bootstrap, String outTopic, String transactionalIdPrefix, boolean holdAtEnd) {
        // One record per produce request and one request at a time: a transaction of a few hundred averages stays open
        // for a good part of a second, so the test's last kill lands inside one.
        KafkaSink<String> sink = MovingAverage.sinkBuilder(bootstrap, outTopic, transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setProperty("batch.size", "1").setProperty("max.in.flight.requests.per.connection", "1").build();
        MovingAverage.averages(MovingAverage.readings(env, MovingAverage.source(bootstrap, "readings"))
                        .map(new Throttle()).uid("throttle"))
                .sinkTo(new AnnouncingEndOfInput(sink, holdAtEnd)).uid("sink");
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

    /**
     * The Kafka sink, whose writers print {@code INPUT ENDED <subtask>} once their input ended; with {@code holdAtEnd},
     * its committer prints {@code HOLDING} and blocks once it committed a transaction prepared at the end of the input.
     */
    static final class AnnouncingEndOfInput implements Sink<String>, SupportsCommitter<KafkaCommittable> {
        /** The committables the writers prepared at the end of their input, by identity: the committer sees the same objects. */
        private static final Set<KafkaCommittable> FINAL = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

        private final KafkaSink<String> sink;
        private final boolean holdAtEnd;

        AnnouncingEndOfInput(KafkaSink<String> sink, boolean holdAtEnd) {
            this.sink = sink;
            this.holdAtEnd = holdAtEnd;
        }

        @Override
        @SuppressWarnings("unchecked")
        public CommittingSinkWriter<String, KafkaCommittable> createWriter(WriterInitContext context) throws Exception {
            CommittingSinkWriter<String, KafkaCommittable> writer = (CommittingSinkWriter<String, KafkaCommittable>) sink.createWriter(context);
            // Passes snapshotState on too: the Kafka writer names its next transaction after each checkpoint.
            class Announcing implements CommittingSinkWriter<String, KafkaCommittable>, StatefulSinkWriter<String, Object> {
                private boolean inputEnded;

                @Override
                public void write(String element, Context ctx) throws Exception {
                    writer.write(element, ctx);
                }

                @Override
                public void flush(boolean endOfInput) throws Exception {
                    writer.flush(endOfInput);
                    if (endOfInput) {
                        inputEnded = true;
                        System.out.println("INPUT ENDED " + context.getSubtaskId());
                        System.out.flush();
                    }
                }

                @Override
                public Collection<KafkaCommittable> prepareCommit() throws Exception {
                    Collection<KafkaCommittable> prepared = writer.prepareCommit();
                    if (inputEnded) {
                        FINAL.addAll(prepared);
                    }
                    return prepared;
                }

                @Override
                @SuppressWarnings("unchecked")
                public List<Object> snapshotState(long checkpointId) throws Exception {
                    return ((StatefulSinkWriter<String, Object>) writer).snapshotState(checkpointId);
                }

                @Override
                public void close() throws Exception {
                    writer.close();
                }
            }
            return new Announcing();
        }

        @Override
        public Committer<KafkaCommittable> createCommitter() throws Exception {
            Committer<KafkaCommittable> committer = sink.createCommitter();
            if (!holdAtEnd) {
                return committer;
            }
            return new Committer<>() {
                @Override
                public void commit(Collection<KafkaCommittable> committables) throws Exception {
                    committer.commit(committables);
                    boolean committedFinal = false;
                    for (KafkaCommittable c : committables) {
                        committedFinal |= FINAL.contains(c);
                    }
                    if (committedFinal) {
                        System.out.println("HOLDING");
                        System.out.flush();
                        // Until the test's SIGKILL: the job must not end, since its end would delete the checkpoints.
                        new CountDownLatch(1).await();
                    }
                }

                @Override
                public void close() throws Exception {
                    committer.close();
                }
            };
        }
    }
}
