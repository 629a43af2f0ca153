package dev.weir.connector.kafka.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/** The {@link KafkaRecordSerializationSchema.KafkaSinkContext} of one writer; looks partitions up once per topic. */
final class SinkContext implements KafkaRecordSerializationSchema.KafkaSinkContext {
    private final int subtask;
    private final int parallelism;
    private final Map<String, String> properties;
    private final Map<String, int[]> partitions = new HashMap<>();

    SinkContext(int subtask, int parallelism, Map<String, String> properties) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.properties = properties;
    }

    @Override
    public int getParallelInstanceId() {
        return subtask;
    }

    @Override
    public int getNumberOfParallelInstances() {
        return parallelism;
    }

    @Override
    public int[] getPartitionsForTopic(String topic) {
        int[] known = partitions.get(topic);
        if (known == null) {
            known = lookUp(topic);
            partitions.put(topic, known);
        }
        return known;
    }

    private int[] lookUp(String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", properties.get("bootstrap.servers")))) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return d.partitions().stream().mapToInt(p -> p.partition()).sorted().toArray();
        } catch (Exception e) {
            throw new IllegalStateException("KafkaSink cannot look up the partitions of topic '" + topic + "' for its partitioner: "
                    + e.getMessage() + ". Create the topic before the job starts", e);
        }
    }
}
