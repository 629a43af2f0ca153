package dev.weir.connector.kafka.sink;

import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.metrics.MetricGroup;
import dev.weir.util.UserCodeClassLoader;
import dev.weir.connector.base.DeliveryGuarantee;

import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a stream to Kafka, built as in Flink:
 *
 * <pre>{@code
 * stream.sinkTo(KafkaSink.<String>builder()
 *         .setBootstrapServers("localhost:9092")
 *         .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
 *                 .setTopic("sensor-averages")
 *                 .setValueSerializationSchema(new SimpleStringSchema())
 *                 .build())
 *         .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .setTransactionalIdPrefix("averages")
 *         .build());
 * }</pre>
 *
 * <p>{@code EXACTLY_ONCE} works as Flink's: each writer subtask sends its records into an open Kafka transaction as
 * they arrive, under the transactional id {@code <prefix>-<subtask>-<checkpoint>}. On a checkpoint it flushes and
 * hands the transaction over as a {@link KafkaCommittable}: the id, producer id and epoch, all that the checkpoint
 * stores, whatever the volume of output; the committer commits it when the checkpoint completes, and output appears
 * then. After a restore, the transactions of the restored checkpoint are committed by resuming them (kafka-clients
 * has no public API for this before KIP-939; {@link TransactionResumer} reaches into the producer as Flink's connector
 * does), unless the coordinator says they committed already; every writer aborts the open transactions of its
 * prefix that it owns and that no completed checkpoint holds ({@link LingeringTransactions}). So
 * {@code read_committed} consumers see every record once. A transaction stays open from its first record to the
 * completion of its checkpoint, and across a restore: the sink's {@code transaction.timeout.ms} must exceed the
 * checkpoint interval plus the longest time to restore, or the brokers abort it and the restored commit fails (with
 * that reason). The prefix must be unique to one running job on the cluster.
 *
 * <p>Producer properties ({@link KafkaSinkBuilder#setProperty}) go to the sink's producers unchanged, with one
 * difference from Flink's sink, which leaves every unset property at the client's default: where the user sets no
 * {@code batch.size} or {@code linger.ms}, the sink uses 256 KB batches and a linger of 5 ms (the client's 16 KB cut
 * a stream of small records into many small produce requests). Setting either property restores Kafka's behaviour
 * for it.
 */
public final class KafkaSink<IN> implements Sink<IN>, SupportsCommitter<KafkaCommittable> {
    private static final long serialVersionUID = 1L;

    final HashMap<String, String> properties;
    final KafkaRecordSerializationSchema<IN> serializer;
    final DeliveryGuarantee guarantee;
    final String transactionalIdPrefix;

    KafkaSink(Map<String, String> properties, KafkaRecordSerializationSchema<IN> serializer, DeliveryGuarantee guarantee,
              String transactionalIdPrefix) {
        this.properties = new HashMap<>(properties);
        this.serializer = serializer;
        this.guarantee = guarantee;
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public static <IN> KafkaSinkBuilder<IN> builder() {
        return new KafkaSinkBuilder<>();
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws Exception {
        SinkContext sinkContext = new SinkContext(context.getSubtaskId(), context.getNumberOfParallelSubtasks(), properties);
        serializer.open(new SerializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return context.metricGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                ClassLoader loader = serializer.getClass().getClassLoader();
                return new UserCodeClassLoader() {
                    @Override
                    public ClassLoader asClassLoader() {
                        return loader;
                    }

                    @Override
                    public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
                    }
                };
            }
        }, sinkContext);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            long restoredCheckpointId = context.getRestoredCheckpointId().orElse(0);
            LingeringTransactions.abortOwned(properties, transactionalIdPrefix, context.getSubtaskId(),
                    context.getNumberOfParallelSubtasks(), restoredCheckpointId);
            return new TransactionalKafkaWriter<>(serializer, sinkContext, properties, transactionalIdPrefix, restoredCheckpointId);
        }
        return new KafkaWriter<>(serializer, sinkContext, properties, guarantee);
    }

    @Override
    public Committer<KafkaCommittable> createCommitter() {
        return new KafkaTransactionCommitter(properties);
    }
}
