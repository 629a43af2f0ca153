package dev.weir.connector.kafka.sink;

import dev.weir.connector.base.DeliveryGuarantee;

import dev.weir.api.connector.sink2.CommittingSinkWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The writer of {@link DeliveryGuarantee#EXACTLY_ONCE}: keeps each checkpoint's records, serialized, and hands them
 * over as one {@link KafkaCommittable} that the committer writes in a transaction once the checkpoint completes.
 */
final class TransactionalKafkaWriter<IN> implements CommittingSinkWriter<IN, KafkaCommittable> {
    private final KafkaRecordSerializationSchema<IN> serializer;
    private final SinkContext context;
    private final String transactionalIdBase;
    private ArrayList<KafkaCommittable.PendingRecord> records = new ArrayList<>();
    private long sequence;

    TransactionalKafkaWriter(KafkaRecordSerializationSchema<IN> serializer, SinkContext context, String transactionalIdBase) {
        this.serializer = serializer;
        this.context = context;
        this.transactionalIdBase = transactionalIdBase;
    }

    @Override
    public void write(IN element, Context ctx) {
        ProducerRecord<byte[], byte[]> r = serializer.serialize(element, context, ctx.timestamp());
        if (r != null) {
            records.add(new KafkaCommittable.PendingRecord(r.topic(), r.partition() == null ? -1 : r.partition(),
                    r.timestamp() == null ? Long.MIN_VALUE : r.timestamp(), r.key(), r.value()));
        }
    }

    @Override
    public void flush(boolean endOfInput) {
    }

    @Override
    public Collection<KafkaCommittable> prepareCommit() {
        if (records.isEmpty()) {
            return List.of();
        }
        KafkaCommittable committable = new KafkaCommittable(transactionalIdBase + sequence++, records);
        records = new ArrayList<>();
        return List.of(committable);
    }
}
