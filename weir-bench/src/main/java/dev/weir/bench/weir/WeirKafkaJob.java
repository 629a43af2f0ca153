package dev.weir.bench.weir;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.bench.kafka.JobWorker;
import dev.weir.bench.kafka.Readings;
import dev.weir.bench.kafka.Readings.Reading;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.nio.file.Path;

/**
 * Weir's side of the Kafka throughput bench, a worker JVM ({@link JobWorker}). {@code flink/FlinkKafkaJob.java}
 * (src/flink1) is the same job with Flink's imports; keep the two in step.
 */
public final class WeirKafkaJob {
    private WeirKafkaJob() {
    }

    public static void main(String[] args) throws Exception {
        JobWorker.serve(WeirKafkaJob::run);
    }

    static void run(boolean exactlyOnce, String bootstrap, String input, String output, String prefix, Path checkpoints)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(1_000);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(bootstrap).setTopics(input)
                .setGroupId(prefix).setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema()).build();
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(output)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(prefix).build();
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
