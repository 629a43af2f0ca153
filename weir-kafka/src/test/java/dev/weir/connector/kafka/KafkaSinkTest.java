package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.connector.kafka.sink.KafkaCommittable;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class KafkaSinkTest {

    private static KafkaSink<String> sink(String topic, DeliveryGuarantee guarantee) throws Exception {
        return KafkaSink.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                        .setKeySerializationSchema(new SimpleStringSchema())
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .setPartitioner((record, key, value, t, partitions) -> partitions[Integer.parseInt(record) % partitions.length])
                        .build())
                .setDeliveryGuarantee(guarantee).setTransactionalIdPrefix("sink-test-" + topic).build();
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.partition() + ":" + new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
    }

    @Test
    void atLeastOnceAndExactlyOnceWriteEveryElementToThePartitionThePartitionerChose() throws Exception {
        for (DeliveryGuarantee g : List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE)) {
            String topic = SharedKafka.newTopic("sink-" + g.name().toLowerCase(), 2);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.enableCheckpointing(50);
            env.fromData("0", "1", "2", "3").sinkTo(sink(topic, g));
            env.execute("sink");
            assertThat(values(SharedKafka.readAll(topic, "read_committed"))).as(g.name()).containsExactly("0:0", "0:2", "1:1", "1:3");
        }
    }

    @Test
    void anExactlyOnceCheckpointHoldsTheTransactionNotItsRecordsSoItsSizeDoesNotGrowWithTheOutput() throws Exception {
        int one = storedBytesBesidesTheId("size-a", 1);
        int many = storedBytesBesidesTheId("size-b", 50_000);
        assertThat(many).as("bytes stored in the checkpoint for a transaction of 50,000 records of 100 bytes (5 MB),"
                + " next to one of a single record, besides the transactional id (whose topic number may differ in length)")
                .isEqualTo(one).isLessThan(256);
    }

    /**
     * Writes {@code records} records of 100 bytes into a writer's transaction and returns its committable as the
     * checkpoint stores it (serialized by the engine's state serializer), less the length of its transactional id;
     * commits it, and checks the output.
     */
    private static int storedBytesBesidesTheId(String name, int records) throws Exception {
        String topic = SharedKafka.newTopic(name, 1);
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(topic).build();
        @SuppressWarnings("unchecked")
        CommittingSinkWriter<String, KafkaCommittable> writer =
                (CommittingSinkWriter<String, KafkaCommittable>) sink.createWriter(new WriterSubtask(0, 1, 0));
        try {
            for (int i = 0; i < records; i++) {
                writer.write(String.format("%0100d", i), NoTimestamp.CONTEXT);
            }
            Collection<KafkaCommittable> committables = writer.prepareCommit();
            assertThat(committables).hasSize(1);
            byte[] stored = StateSerializers.create().serialize(new ArrayList<>(committables));
            try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
                committer.commit(committables);
            }
            assertThat(SharedKafka.readAll(topic, "read_committed")).hasSize(records);
            return stored.length - committables.iterator().next().transactionalId.length();
        } finally {
            writer.close();
        }
    }
}
