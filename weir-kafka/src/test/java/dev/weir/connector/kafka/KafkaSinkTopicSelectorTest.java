package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code KafkaRecordSerializationSchemaBuilder.setTopicSelector}: each record goes to the topic chosen for it. */
@Timeout(120)
class KafkaSinkTopicSelectorTest {

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
    }

    @Test
    void eachRecordIsWrittenToTheTopicItsSelectorChoseExactlyOnce() throws Exception {
        String apples = SharedKafka.newTopic("selected-apples", 2);
        String berries = SharedKafka.newTopic("selected-berries", 1);
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                        .setTopicSelector(record -> record.startsWith("apple") ? apples : berries)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix("selector-" + apples).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.fromData("apple-1", "berry-1", "apple-2", "berry-2", "apple-3").sinkTo(sink);
        env.execute("topic selector");
        assertThat(values(SharedKafka.readAll(apples, "read_committed"))).containsExactly("apple-1", "apple-2", "apple-3");
        assertThat(values(SharedKafka.readAll(berries, "read_committed"))).containsExactly("berry-1", "berry-2");
    }

    @Test
    void aTopicSelectorAfterSetTopicOrASecondTopicFailsAsInFlink() {
        assertThatThrownBy(() -> KafkaRecordSerializationSchema.<String>builder().setTopic("t").setTopicSelector(r -> "u"))
                .isInstanceOf(IllegalStateException.class).hasMessage("Topic selector already set.");
        assertThatThrownBy(() -> KafkaRecordSerializationSchema.<String>builder().setTopicSelector(r -> "u").setTopic("t"))
                .isInstanceOf(IllegalStateException.class).hasMessage("Topic selector already set.");
    }
}
