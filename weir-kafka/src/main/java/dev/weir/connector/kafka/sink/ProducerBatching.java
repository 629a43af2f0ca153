package dev.weir.connector.kafka.sink;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties of the sink's producers: the user's, plus batching defaults for what the user did not set. Kafka's
 * own defaults ({@code batch.size} 16 KB; {@code linger.ms} 0 before kafka-clients 4.0, 5 since) cut a stream of
 * small records into many small produce requests, and the brokers' and the producer's work grows with their number.
 * The sink's records reach the brokers in bigger batches: {@value #BATCH_SIZE} bytes, waiting up to
 * {@value #LINGER_MS} ms to fill. A user's value of any of these properties wins.
 */
final class ProducerBatching {
    static final int BATCH_SIZE = 262_144;
    static final int LINGER_MS = 5;

    private ProducerBatching() {
    }

    /** The producer's properties: {@code properties} with the batching defaults for the keys it lacks. */
    static Map<String, Object> withDefaults(Map<String, String> properties) {
        Map<String, Object> props = new HashMap<>(properties);
        props.putIfAbsent("batch.size", String.valueOf(BATCH_SIZE));
        props.putIfAbsent("linger.ms", String.valueOf(LINGER_MS));
        return props;
    }
}
