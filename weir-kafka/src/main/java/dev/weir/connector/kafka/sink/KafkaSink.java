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
 * <p>{@code EXACTLY_ONCE} uses the two-phase-commit sink contract without reaching into the producer's internals:
 * a writer keeps the records it receives between two checkpoints (serialized), hands them over as one
 * {@link KafkaCommittable} on the checkpoint, and they are stored in the checkpoint. When the checkpoint completes,
 * the committer writes them in one Kafka transaction under a transactional id that names that committable alone
 * ({@code <prefix>-<subtask>-<run>-<n>}: the writer's subtask index, eight hex digits new for every writer so that no
 * id is used twice across restarts and runs, and a counter) and commits it. A commit repeated after a restore first
 * asks the transaction coordinator about that id: if its transaction committed already, nothing is written again; if
 * a crash left it open, initializing the id aborts the lingering transaction and the records are written anew. So
 * {@code read_committed} consumers see every record once. The price: records wait in memory and in the checkpoint
 * until it completes, and output appears one checkpoint later (as with Flink's transactions). Kafka's KIP-939
 * (resuming a prepared transaction) is not public in kafka-clients 4.3/4.4, so it is not used. Record headers are
 * not kept in exactly-once mode.
 *
 * <p>A transaction that a killed run left open for a committable no completed checkpoint holds (the final ones,
 * written at the end of the input) is never written again: the restored job writes those records under new ids. So
 * every writer, when it starts (fresh or restored), lists the cluster's ongoing transactions and aborts those of its
 * prefix whose subtask {@code k} it owns ({@code k % parallelism == subtask}); {@code read_committed} consumers are
 * then not held back until the broker's {@code transaction.timeout.ms}. The prefix must therefore be unique to one
 * running job on the cluster.
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
            LingeringTransactions.abortOwned(properties, transactionalIdPrefix, context.getSubtaskId(),
                    context.getNumberOfParallelSubtasks());
            return new TransactionalKafkaWriter<>(serializer, sinkContext,
                    TransactionalIds.newRun(transactionalIdPrefix, context.getSubtaskId()));
        }
        return new KafkaWriter<>(serializer, sinkContext, properties, guarantee);
    }

    @Override
    public Committer<KafkaCommittable> createCommitter() {
        return new KafkaTransactionCommitter(properties);
    }
}
