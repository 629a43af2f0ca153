package dev.weir.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.tuple.Tuple3;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.connector.kafka.sink.KafkaSinkBuilder;
import dev.weir.connector.kafka.sink.TopicSelector;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.KafkaSourceBuilder;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.DataStreamSink;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** The plan's {@code kafka_source} and Kafka {@code sink_to} nodes as weir-kafka's KafkaSource and KafkaSink (str values). */
final class KafkaConnectors {
    private KafkaConnectors() {
    }

    @SuppressWarnings("unchecked")
    static DataStream<Object> source(StreamExecutionEnvironment env, JsonNode node, WatermarkStrategy<Object> watermarks, String name) {
        List<String> topics = new ArrayList<>();
        node.get("topics").forEach(t -> topics.add(t.asText()));
        KafkaSourceBuilder<String> builder = KafkaSource.<String>builder()
                .setBootstrapServers(node.get("bootstrap_servers").asText())
                .setStartingOffsets(offsets(node.get("starting_offsets")))
                .setValueOnlyDeserializer(new SimpleStringSchema());
        if (node.hasNonNull("topic_pattern")) {
            builder.setTopicPattern(java.util.regex.Pattern.compile(node.get("topic_pattern").asText()));
        } else if (node.hasNonNull("partitions")) {
            Set<TopicPartition> partitions = new HashSet<>();
            node.get("partitions").forEach(p -> partitions.add(new TopicPartition(p.get(0).asText(), p.get(1).asInt())));
            builder.setPartitions(partitions);
        } else {
            builder.setTopics(topics);
        }
        if (node.hasNonNull("group_id")) {
            builder.setGroupId(node.get("group_id").asText());
        }
        if (node.hasNonNull("bounded")) {
            builder.setBounded(offsets(node.get("bounded")));
        }
        if (node.hasNonNull("unbounded")) {
            builder.setUnbounded(offsets(node.get("unbounded")));
        }
        node.get("properties").fields().forEachRemaining(e -> builder.setProperty(e.getKey(), e.getValue().asText()));
        DataStream<?> values = env.fromSource(builder.build(), (WatermarkStrategy<String>) (WatermarkStrategy<?>) watermarks, name);
        return (DataStream<Object>) values;
    }

    private static OffsetsInitializer offsets(JsonNode offsets) {
        switch (offsets.get("type").asText()) {
            case "earliest": return OffsetsInitializer.earliest();
            case "latest": return OffsetsInitializer.latest();
            case "committed": return offsets.hasNonNull("reset")
                    ? OffsetsInitializer.committedOffsets(org.apache.kafka.clients.consumer.OffsetResetStrategy.valueOf(offsets.get("reset").asText()))
                    : OffsetsInitializer.committedOffsets();
            case "timestamp": return OffsetsInitializer.timestamp(offsets.get("timestamp").asLong());
            default: throw new IllegalArgumentException("unknown Kafka offsets '" + offsets.get("type").asText() + "' in the plan");
        }
    }

    static void sink(DataStream<Object> input, JsonNode sink, String name, JsonNode node) {
        if (sink.path("topic_selector").asBoolean()) {
            selectedTopicSink(input, sink, name, node);
            return;
        }
        if (sink.path("keyed").asBoolean()) {
            keyedSink(input, sink, name, node);
            return;
        }
        KafkaSinkBuilder<String> builder = KafkaSink.<String>builder()
                .setBootstrapServers(sink.get("bootstrap_servers").asText())
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                        .setTopic(sink.get("topic").asText())
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.valueOf(sink.get("delivery_guarantee").asText()));
        if (sink.hasNonNull("transactional_id_prefix")) {
            builder.setTransactionalIdPrefix(sink.get("transactional_id_prefix").asText());
        }
        sink.get("properties").fields().forEachRemaining(e -> builder.setProperty(e.getKey(), e.getValue().asText()));
        DataStream<String> strings = input.map(new OnlyStrings(name)).name(name + " (str values)");
        DataStreamSink<String> written = strings.sinkTo(builder.build()).name(name);
        PlanTranslator.configureSink(written, node);
    }

    /** A sink with a key schema: the Python side made each record a (key, value) pair of texts. */
    private static void keyedSink(DataStream<Object> input, JsonNode sink, String name, JsonNode node) {
        KafkaSinkBuilder<Tuple2<String, String>> builder = KafkaSink.<Tuple2<String, String>>builder()
                .setBootstrapServers(sink.get("bootstrap_servers").asText())
                .setRecordSerializer(KafkaRecordSerializationSchema.<Tuple2<String, String>>builder()
                        .setTopic(sink.get("topic").asText())
                        .setKeySerializationSchema(new TextField(0))
                        .setValueSerializationSchema(new TextField(1))
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.valueOf(sink.get("delivery_guarantee").asText()));
        if (sink.hasNonNull("transactional_id_prefix")) {
            builder.setTransactionalIdPrefix(sink.get("transactional_id_prefix").asText());
        }
        sink.get("properties").fields().forEachRemaining(e -> builder.setProperty(e.getKey(), e.getValue().asText()));
        DataStream<Tuple2<String, String>> pairs = input.map(new OnlyStringPairs(name)).name(name + " (str keys and values)");
        PlanTranslator.configureSink(pairs.sinkTo(builder.build()).name(name), node);
    }

    /**
     * A sink with a topic selector: the Python side made each record a (topic, key or None, value) triple, the topic
     * chosen by the user's selector in a Python worker; the JVM's TopicSelector reads it.
     */
    private static void selectedTopicSink(DataStream<Object> input, JsonNode sink, String name, JsonNode node) {
        boolean keyed = sink.path("keyed").asBoolean();
        var schema = KafkaRecordSerializationSchema.<Tuple3<String, String, String>>builder()
                .setTopicSelector(new SelectedTopic())
                .setValueSerializationSchema(new SelectedText(2));
        if (keyed) {
            schema.setKeySerializationSchema(new SelectedText(1));
        }
        KafkaSinkBuilder<Tuple3<String, String, String>> builder = KafkaSink.<Tuple3<String, String, String>>builder()
                .setBootstrapServers(sink.get("bootstrap_servers").asText())
                .setRecordSerializer(schema.build())
                .setDeliveryGuarantee(DeliveryGuarantee.valueOf(sink.get("delivery_guarantee").asText()));
        if (sink.hasNonNull("transactional_id_prefix")) {
            builder.setTransactionalIdPrefix(sink.get("transactional_id_prefix").asText());
        }
        sink.get("properties").fields().forEachRemaining(e -> builder.setProperty(e.getKey(), e.getValue().asText()));
        DataStream<Tuple3<String, String, String>> triples = input.map(new OnlyStringTriples(name, keyed))
                .name(name + " (str topics, keys and values)");
        PlanTranslator.configureSink(triples.sinkTo(builder.build()).name(name), node);
    }

    /** The topic the Python topic selector chose: the triple's first field. */
    private static final class SelectedTopic implements TopicSelector<Tuple3<String, String, String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public String apply(Tuple3<String, String, String> record) {
            return record.f0;
        }
    }

    /** The key (1) or the value (2) of a (topic, key, value) triple, in UTF-8 as SimpleStringSchema writes it. */
    private static final class SelectedText implements SerializationSchema<Tuple3<String, String, String>> {
        private static final long serialVersionUID = 1L;
        private final int position;

        SelectedText(int position) {
            this.position = position;
        }

        @Override
        public byte[] serialize(Tuple3<String, String, String> element) {
            return (position == 1 ? element.f1 : element.f2).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The (topic, key, value) triple of a sink with a topic selector: texts, as for the value alone. */
    private static final class OnlyStringTriples implements MapFunction<Object, Tuple3<String, String, String>> {
        private static final long serialVersionUID = 1L;
        private final String sink;
        private final boolean keyed;

        OnlyStringTriples(String sink, boolean keyed) {
            this.sink = sink;
            this.keyed = keyed;
        }

        @Override
        public Tuple3<String, String, String> map(Object value) {
            if (value instanceof Tuple3<?, ?, ?> triple && triple.f0 instanceof String topic
                    && (!keyed || triple.f1 instanceof String) && triple.f2 instanceof String text) {
                return Tuple3.of(topic, keyed ? (String) triple.f1 : null, text);
            }
            Object record = value instanceof Tuple3<?, ?, ?> triple ? (triple.f2 instanceof String ? triple.f1 : triple.f2) : value;
            throw new IllegalArgumentException("The KafkaSink " + sink + " writes str " + (keyed ? "keys and " : "")
                    + "values with SimpleStringSchema, but got " + record + "; map the records to str first (e.g. "
                    + ".map(str) or a format of your own)");
        }
    }

    /** One text of a (key, value) pair, in UTF-8 as SimpleStringSchema writes it. */
    private static final class TextField implements SerializationSchema<Tuple2<String, String>> {
        private static final long serialVersionUID = 1L;
        private final int position;

        TextField(int position) {
            this.position = position;
        }

        @Override
        public byte[] serialize(Tuple2<String, String> element) {
            String text = position == 0 ? element.f0 : element.f1;
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The (key, value) pair of a keyed sink's record: both must be str, as for the value alone. */
    private static final class OnlyStringPairs implements MapFunction<Object, Tuple2<String, String>> {
        private static final long serialVersionUID = 1L;
        private final String sink;

        OnlyStringPairs(String sink) {
            this.sink = sink;
        }

        @Override
        public Tuple2<String, String> map(Object value) {
            if (value instanceof Tuple2<?, ?> pair && pair.f0 instanceof String key && pair.f1 instanceof String text) {
                return Tuple2.of(key, text);
            }
            Object record = value instanceof Tuple2<?, ?> pair ? pair.f1 : value;
            throw new IllegalArgumentException("The KafkaSink " + sink + " writes str keys and values with "
                    + "SimpleStringSchema, but got " + record + "; map the records to str first (e.g. .map(str) or a "
                    + "format of your own)");
        }
    }

    /** SimpleStringSchema writes str values: anything else fails the job naming the record and the fix. */
    private static final class OnlyStrings implements MapFunction<Object, String> {
        private static final long serialVersionUID = 1L;
        private final String sink;

        OnlyStrings(String sink) {
            this.sink = sink;
        }

        @Override
        public String map(Object value) {
            if (value instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException("The KafkaSink " + sink + " writes str values with SimpleStringSchema, but got "
                    + value + "; map the records to str first (e.g. .map(str) or a format of your own)");
        }
    }
}
