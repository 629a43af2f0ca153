package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.examples.kafka.MovingAverage;
import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weir's two-phase-commit connectors on Flink: the exactly-once {@code KafkaSink} and the {@code FileSink} run in
 * Flink's writer and committer operators, the {@code KafkaSource} in Flink's source tasks, and each job gives on a
 * Flink MiniCluster exactly what it gives on Weir — committed files, and what a read_committed consumer sees.
 */
@Timeout(180)
class ConnectorsOnFlinkTest {
    @TempDir
    Path dir;

    @Test
    void theFileSinkCommitsTheSameRowsOnFlinkAsOnWeir() throws Exception {
        for (String target : List.of("local", FlinkPipelineExecutor.MINICLUSTER_TARGET)) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.configure("execution.target", target);
            env.enableCheckpointing(200);
            env.fromSequence(1, 1000).map(n -> n + "," + n * n).name("squares")
                    .sinkTo(FileSink.forRowFormat(dir.resolve(target), new SimpleStringEncoder<String>()).build()).uid("files");
            env.execute("squares to files on " + target);
        }

        List<String> onWeir = committedLines(dir.resolve("local"));
        assertThat(onWeir).hasSize(1000).contains("1,1", "1000,1000000");
        assertThat(committedLines(dir.resolve(FlinkPipelineExecutor.MINICLUSTER_TARGET))).isEqualTo(onWeir);
        assertThat(inProgressFiles(dir.resolve(FlinkPipelineExecutor.MINICLUSTER_TARGET))).isEmpty();
    }

    @Test
    void theKafkaMovingAverageCommitsTheSameAveragesOnFlinkAsOnWeir() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "readings", 2);
            MovingAverage.generate(bootstrap, "readings", 5, 60);
            for (String target : List.of("local", FlinkPipelineExecutor.MINICLUSTER_TARGET)) {
                String output = "averages-" + target;
                MovingAverage.createTopic(bootstrap, output, 1);
                StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
                env.configure("execution.target", target);
                env.enableCheckpointing(200);
                // No idleness: the readings are all in the topic, and processing-time idleness would make the output
                // depend on timing.
                MovingAverage.averages(env.fromSource(MovingAverage.source(bootstrap, "readings"),
                                WatermarkStrategy.<MovingAverage.Reading>forMonotonousTimestamps(), "sensor-readings").uid("readings"))
                        .sinkTo(MovingAverage.sink(bootstrap, output, "averages-" + target)).uid("averages-sink");
                env.execute("moving average on " + target);
            }

            List<String> onWeir = MovingAverage.readCommitted(bootstrap, "averages-local").stream().sorted().toList();
            // 60 readings 10 s apart per sensor: windows starting 9 minutes before the first to the 9th minute.
            assertThat(onWeir).hasSize(5 * 19);
            assertThat(MovingAverage.readCommitted(bootstrap, "averages-" + FlinkPipelineExecutor.MINICLUSTER_TARGET)
                    .stream().sorted().toList()).isEqualTo(onWeir);
        }
    }

    /** The rows of every committed part file under {@code root}, sorted; in-progress files start with a dot. */
    private static List<String> committedLines(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))::iterator) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static List<Path> inProgressFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }
}
