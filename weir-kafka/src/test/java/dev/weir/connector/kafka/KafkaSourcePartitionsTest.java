package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.KafkaSourceBuilder;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code KafkaSourceBuilder.setPartitions}: exactly the given partitions, as Flink's builder reads them. */
@Timeout(120)
class KafkaSourcePartitionsTest {

    private static KafkaSourceBuilder<String> builder() throws Exception {
        return KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap())
                .setValueOnlyDeserializer(new SimpleStringSchema());
    }

    @Test
    void setPartitionsReadsExactlyTheGivenPartitionsOfSeveralTopicsAndNoOthers() throws Exception {
        String first = SharedKafka.newTopic("partitions-a", 3);
        String second = SharedKafka.newTopic("partitions-b", 2);
        for (int p = 0; p < 3; p++) {
            SharedKafka.write(first, p, 1000, "a" + p + "-0", "a" + p + "-1");
        }
        for (int p = 0; p < 2; p++) {
            SharedKafka.write(second, p, 1000, "b" + p + "-0");
        }
        KafkaSource<String> source = builder()
                .setPartitions(Set.of(new TopicPartition(first, 0), new TopicPartition(first, 2), new TopicPartition(second, 1)))
                .setBounded(OffsetsInitializer.latest()).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> read = new ArrayList<>(env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
                .executeAndCollect(Integer.MAX_VALUE));
        read.sort(null);
        assertThat(read).containsExactly("a0-0", "a0-1", "a2-0", "a2-1", "b1-0");
    }

    @Test
    void aGivenPartitionTheBrokersDoNotHaveYetIsReadOnceDiscoveryFindsIt() throws Exception {
        String topic = SharedKafka.newTopic("partitions-later", 1);
        SharedKafka.write(topic, 0, 1000, "p0");
        KafkaSource<String> source = builder()
                .setPartitions(Set.of(new TopicPartition(topic, 0), new TopicPartition(topic, 2)))
                .setProperty("partition.discovery.interval.ms", "100").build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        try (CloseableIterator<String> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            assertThat(it.next()).isEqualTo("p0");
            SharedKafka.addPartitions(topic, 3);
            // Partition 1 is not given: its record is never read, so the next record read is partition 2's.
            SharedKafka.write(topic, 1, 1000, "p1");
            SharedKafka.write(topic, 2, 1000, "p2");
            assertThat(it.next()).isEqualTo("p2");
        }
    }

    @Test
    void setPartitionsAfterSetTopicsFailsAsInFlink() {
        assertThatThrownBy(() -> KafkaSource.<String>builder().setTopics("t").setPartitions(Set.of(new TopicPartition("t", 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot use partitions for consumption because a topic list (setTopics) is already set for "
                        + "consumption.");
    }

    @Test
    void setTopicPatternOrSetTopicsAfterSetPartitionsFailsAsInFlink() {
        assertThatThrownBy(() -> KafkaSource.<String>builder().setPartitions(Set.of(new TopicPartition("t", 0)))
                .setTopicPattern(Pattern.compile("t.*")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot use topic pattern for consumption because a partition set (setPartitions) is already "
                        + "set for consumption.");
        assertThatThrownBy(() -> KafkaSource.<String>builder().setPartitions(Set.of(new TopicPartition("t", 0))).setTopics("t"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot use topics for consumption because a partition set (setPartitions) is already set "
                        + "for consumption.");
    }
}
