package dev.weir.bench.flink;

import dev.weir.bench.kafka.JobWorker;
import dev.weir.bench.kafka.Readings;
import dev.weir.bench.kafka.Readings.Reading;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Flink's side of the Kafka throughput bench (flink-connector-kafka 3.4.0-1.20 on kafka-clients 3.4.0), a worker JVM
 * ({@link JobWorker}): the same job as {@code weir/WeirKafkaJob.java} with Flink's imports, on Flink's local
 * environment with object reuse on, as the rest of the bench, and checkpoints in a local directory as Weir's.
 */
public final class FlinkKafkaJob {
    private FlinkKafkaJob() {
    }

    public static void main(String[] args) throws Exception {
        JobWorker.serve(FlinkKafkaJob::run);
    }

    static void run(boolean exactlyOnce, String bootstrap, String input, String output, String prefix, Path checkpoints)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(1_000);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(bootstrap).setTopics(input)
                .setGroupId(prefix).setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema()).build();
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(output)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(prefix)
                // Within the broker's transaction.max.timeout.ms (15 minutes).
                .setProperty("transaction.timeout.ms", "600000")
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "readings")
                .map(new Parse())
                .filter(new Hot())
                .map(new Format())
                .sinkTo(sink);
        env.execute("kafka-throughput");
    }

    static final class Parse implements MapFunction<String, Reading> {
        @Override
        public Reading map(String json) {
            return Readings.parse(json);
        }
    }

    static final class Hot implements FilterFunction<Reading> {
        @Override
        public boolean filter(Reading r) {
            return Readings.hot(r);
        }
    }

    static final class Format implements MapFunction<Reading, String> {
        @Override
        public String map(Reading r) {
            return Readings.format(r);
        }
    }
}
