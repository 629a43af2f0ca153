package dev.weir.connector.kafka.source.reader.deserializer;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.util.Collector;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a Kafka record's value with a {@link DeserializationSchema}, as Flink's wrapper of the same name. */
final class KafkaValueOnlyDeserializationSchemaWrapper<T> implements KafkaRecordDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<T> valueSchema;

    KafkaValueOnlyDeserializationSchemaWrapper(DeserializationSchema<T> valueSchema) {
        this.valueSchema = Objects.requireNonNull(valueSchema, "valueSchema");
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        valueSchema.open(context);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException {
        valueSchema.deserialize(record.value(), out);
    }

    @Override
    public boolean isEndOfStream(T element) {
        return valueSchema.isEndOfStream(element);
    }
}
