package dev.weir.connector.kafka.sink;

import dev.weir.connector.base.DeliveryGuarantee;

import dev.weir.api.connector.sink2.SinkWriter;
import java.util.Map;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The writer of {@link DeliveryGuarantee#NONE} and {@link DeliveryGuarantee#AT_LEAST_ONCE}: sends straight away. */
final class KafkaWriter<IN> implements SinkWriter<IN>, Callback {
    private final KafkaRecordSerializationSchema<IN> serializer;
    private final SinkContext context;
    private final DeliveryGuarantee guarantee;
    private final KafkaProducer<byte[], byte[]> producer;
    private volatile Exception sendFailure;

    KafkaWriter(KafkaRecordSerializationSchema<IN> serializer, SinkContext context, Map<String, String> properties,
                DeliveryGuarantee guarantee) {
        this.serializer = serializer;
        this.context = context;
        this.guarantee = guarantee;
        Map<String, Object> props = ProducerBatching.withDefaults(properties);
        props.remove("transactional.id");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void write(IN element, Context ctx) throws Exception {
        checkSent();
        ProducerRecord<byte[], byte[]> record = serializer.serialize(element, context, ctx.timestamp());
        if (record != null) {
            producer.send(record, this);
        }
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null && sendFailure == null) {
            sendFailure = exception;
        }
    }

    @Override
    public void flush(boolean endOfInput) throws Exception {
        if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE || endOfInput) {
            producer.flush();
        }
        checkSent();
    }

    private void checkSent() throws Exception {
        Exception e = sendFailure;
        if (e != null) {
            throw new IllegalStateException("KafkaSink could not write a record: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
