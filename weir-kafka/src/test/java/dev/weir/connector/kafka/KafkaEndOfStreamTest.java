package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code DeserializationSchema.isEndOfStream} ends a Kafka partition, and {@code open} is called first. */
@Timeout(120)
class KafkaEndOfStreamTest {
    static final AtomicInteger OPENED = new AtomicInteger();

    /** Strings, where "END" ends the partition; counts its opens. */
    static final class UntilEnd implements DeserializationSchema<String> {
        private transient boolean open;

        @Override
        public void open(InitializationContext context) {
            open = true;
            OPENED.incrementAndGet();
        }

        @Override
        public String deserialize(byte[] message) {
            if (!open) {
                throw new IllegalStateException("deserialize before open");
            }
            return new String(message, StandardCharsets.UTF_8);
        }

        @Override
        public boolean isEndOfStream(String nextElement) {
            return nextElement.equals("END");
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    /** Upper-cases strings; refuses to serialize before open. */
    static final class OpenedUpperCase implements SerializationSchema<String> {
        private transient boolean open;

        @Override
        public void open(InitializationContext context) {
            open = true;
        }

        @Override
        public byte[] serialize(String element) {
            if (!open) {
                throw new IllegalStateException("serialize before open");
            }
            return element.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theKafkaSinkOpensItsValueSchemaBeforeTheFirstElement() throws Exception {
        String topic = SharedKafka.newTopic("opened-schema", 1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData("x", "y").sinkTo(KafkaSink.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                        .setValueSerializationSchema(new OpenedUpperCase()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build());
        env.execute("opened");
        assertThat(SharedKafka.readAll(topic, "read_uncommitted").stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                .containsExactly("X", "Y");
    }

    private static List<String> read(String topic, int parallelism) throws Exception {
        KafkaSource<String> unbounded = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setStartingOffsets(OffsetsInitializer.earliest()).setValueOnlyDeserializer(new UntilEnd()).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        List<String> out = new ArrayList<>(env.fromSource(unbounded, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(Integer.MAX_VALUE));
        out.sort(null);
        return out;
    }

    @Test
    void anEndOfStreamElementEndsItsPartitionUnemittedAndAnUnboundedSourceEndsWhenAllItsPartitionsEnded() throws Exception {
        String topic = SharedKafka.newTopic("end-of-stream", 2);
        SharedKafka.write(topic, 0, 1000, "a0", "a1", "END", "a2");
        SharedKafka.write(topic, 1, 1000, "b0", "END", "b1", "END");
        int before = OPENED.get();

        assertThat(read(topic, 1)).containsExactly("a0", "a1", "b0");
        assertThat(OPENED.get() - before).as("open() of the one reader").isEqualTo(1);
        assertThat(read(topic, 2)).containsExactly("a0", "a1", "b0");
        assertThat(OPENED.get() - before).as("open() of each of the two readers, after the first run's").isEqualTo(3);
    }
}
