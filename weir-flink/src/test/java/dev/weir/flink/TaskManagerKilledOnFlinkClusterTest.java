package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobStatus;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.core.execution.JobClient;
import dev.weir.examples.kafka.MovingAverage;
import dev.weir.examples.kafka.MovingAverage.Reading;
import dev.weir.flink.cluster.FlinkProcessCluster;
import dev.weir.flink.cluster.JobJars;
import dev.weir.formats.json.JsonDeserializationSchema;
import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka moving-average job on a real Apache Flink cluster of three JVMs (a JobManager and two TaskManagers started
 * from the Maven jars), submitted as {@code weir run --target flink} does (the remote target and the job's jars):
 * once a checkpoint completed, one TaskManager is killed with SIGKILL; Flink restores the job from the checkpoint on
 * the surviving TaskManager, and what a read_committed consumer sees equals the output of a failure-free run.
 *
 * <p>The input is written in two halves and the source stops at the offsets of both, so the job is still running,
 * waiting for the second half, when the TaskManager dies. Each source subtask reads one partition whose readings are
 * in event-time order, so no reading is late in either run, whatever the timing.
 */
@Timeout(300)
class TaskManagerKilledOnFlinkClusterTest {
    private static final int SENSORS = 4;
    private static final int READINGS_PER_HALF = 120;
    /** 240 readings 10 s apart per sensor span 40 minutes: windows starting from 9 minutes before to 39 minutes after. */
    private static final int AVERAGES = SENSORS * 49;
    private static final Pattern COMPLETED = Pattern.compile("\"completed\"\\s*:\\s*(\\d+)");
    private static final Pattern FAILOVER = Pattern.compile("\"exceptionHistory\"\\s*:\\s*\\{\\s*\"entries\"\\s*:\\s*\\[\\s*\\{");

    @TempDir
    Path dir;

    @Test
    void theMovingAverageJobRecoversFromAKilledTaskManagerAndEveryAverageIsCommittedOnce() throws Exception {
        try (FlinkProcessCluster cluster = FlinkProcessCluster.launch(dir.resolve("cluster"), 2, 2,
                     Map.of("classloader.check-leaked-classloader", "false"), FlinkProcessCluster.SHORT_LIVED);
             EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "readings", 2);
            MovingAverage.createTopic(bootstrap, "averages-flink", 1);
            MovingAverage.createTopic(bootstrap, "averages-weir", 1);
            writeReadings(bootstrap, 0);
            List<String> jars = JobJars.pack(dir.resolve("jars"));
            cluster.awaitTaskManagers();

            Configuration flinkTarget = new Configuration();
            flinkTarget.setString("execution.target", "remote");
            flinkTarget.setString("rest.address", "localhost");
            flinkTarget.setString("rest.port", Integer.toString(cluster.restPort()));
            flinkTarget.setString("pipeline.jars", String.join(",", jars));
            StreamExecutionEnvironment onFlink = StreamExecutionEnvironment.getExecutionEnvironment(flinkTarget);
            movingAverage(onFlink, bootstrap, "averages-flink", "on-flink");
            JobClient job = onFlink.executeAsync("moving average on Flink");
            String jobPath = "/jobs/" + job.getJobID();

            cluster.awaitRest(jobPath + "/checkpoints", body -> number(COMPLETED, body) >= 1, "a completed checkpoint",
                    Duration.ofSeconds(120));
            cluster.killTaskManager(0);
            cluster.awaitRest(jobPath + "/exceptions", body -> FAILOVER.matcher(body).find(),
                    "the job's failover after the TaskManager's death", Duration.ofSeconds(120));
            writeReadings(bootstrap, READINGS_PER_HALF);
            job.getJobExecutionResult().get(180, TimeUnit.SECONDS);
            assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);

            StreamExecutionEnvironment onWeir = StreamExecutionEnvironment.createLocalEnvironment(2);
            movingAverage(onWeir, bootstrap, "averages-weir", "on-weir");
            onWeir.execute("moving average on Weir, no failure");

            List<String> failureFree = MovingAverage.readCommitted(bootstrap, "averages-weir").stream().sorted().toList();
            assertThat(failureFree).hasSize(AVERAGES);
            assertThat(MovingAverage.readCommitted(bootstrap, "averages-flink").stream().sorted().toList()).isEqualTo(failureFree);
        }
    }

    /** The moving average of {@link MovingAverage}, reading both halves of the input and nothing more. */
    private static void movingAverage(StreamExecutionEnvironment env, String bootstrap, String output, String transactionalIdPrefix) {
        env.setParallelism(2);
        env.enableCheckpointing(300);
        long perPartition = (long) SENSORS / 2 * READINGS_PER_HALF * 2;
        KafkaSource<Reading> source = KafkaSource.<Reading>builder().setBootstrapServers(bootstrap).setTopics("readings")
                .setGroupId("moving-average").setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.offsets(Map.of(new TopicPartition("readings", 0), perPartition,
                        new TopicPartition("readings", 1), perPartition)))
                .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Reading.class)).build();
        MovingAverage.averages(env.fromSource(source, WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(5)),
                        "sensor-readings").uid("readings"))
                .sinkTo(MovingAverage.sink(bootstrap, output, transactionalIdPrefix)).uid("averages-sink");
    }

    /** Readings {@code from} .. {@code from + READINGS_PER_HALF} of every sensor, 10 s apart; sensor s in partition s % 2. */
    private static void writeReadings(String bootstrap, int from) {
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < from + READINGS_PER_HALF; i++) {
                for (int s = 0; s < SENSORS; s++) {
                    String json = String.format(Locale.ROOT, "{\"sensor\":\"sensor-%d\",\"value\":%.1f}", s, 20 + s + (i % 7) * 0.5);
                    producer.send(new ProducerRecord<>("readings", s % 2, start + i * 10_000L, "sensor-" + s, json));
                }
            }
            producer.flush();
        }
    }

    private static long number(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
