package dev.weir.connector.kafka.sink;

import java.io.Serializable;
import java.util.function.Function;

/** Chooses the topic of each record a {@link KafkaSink} writes, as Flink's {@code TopicSelector}. */
@FunctionalInterface
public interface TopicSelector<IN> extends Function<IN, String>, Serializable {
}
