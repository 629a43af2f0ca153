package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaCommittable;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import java.nio.charset.StandardCharsets;
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
}
