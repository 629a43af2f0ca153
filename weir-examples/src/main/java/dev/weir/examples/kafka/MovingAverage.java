package dev.weir.examples.kafka;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.formats.json.JsonDeserializationSchema;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.weir.connector.kafka.sink.KafkaSink;
import dev.weir.connector.kafka.sink.KafkaSinkBuilder;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tutorial's challenge: sensor readings from topic {@code sensor-readings} (JSON, Kafka timestamps as event
 * time), keyed by sensor, a 10-minute event-time window sliding every minute, the average written exactly once to
 * topic {@code sensor-averages}. {@code ./weir kafka-demo} runs it on an in-process broker, or on
 * {@code --bootstrap-servers host:port}, feeds generated readings, and prints averages read back.
 */
public final class MovingAverage {
    public static final String READINGS = "sensor-readings";
    public static final String AVERAGES = "sensor-averages";
    /** How long {@link #readCommitted} may take: only against a hang, so generous for a loaded machine. */
    private static final long READ_LIMIT_MS = 180_000;

    private MovingAverage() {
    }

    /** One sensor reading, as JSON in the value of a {@code sensor-readings} record. */
    public record Reading(String sensor, double value) {
    }

    /** The bounded source of the demo and tests: everything in the topic when the job starts. */
    public static KafkaSource<Reading> source(String bootstrap, String topic) {
        return KafkaSource.<Reading>builder().setBootstrapServers(bootstrap).setTopics(topic).setGroupId("moving-average")
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Reading.class)).build();
    }

    public static DataStream<Reading> readings(StreamExecutionEnvironment env, KafkaSource<Reading> source) {
        // No withIdleness: the source is bounded and reads what the topic held when the job started, so every partition
        // ends with the final watermark. Idleness counts processing time: on a loaded machine a reader that starts
        // 10 s after the others would be marked idle, the others' watermark would run to the end of the data, and all
        // its readings would then arrive late and be dropped (a test saw exactly that at a load average of 48).
        return env.fromSource(source, WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(5)),
                "sensor-readings").uid("readings");
    }

    /** "sensor,window end,average,count" per sensor and window. */
    public static DataStream<String> averages(DataStream<Reading> readings) {
        return readings.keyBy(Reading::sensor)
                .window(SlidingEventTimeWindows.of(Duration.ofMinutes(10), Duration.ofMinutes(1)))
                .aggregate(new Average(), new Format()).uid("averages");
    }

    public static KafkaSink<String> sink(String bootstrap, String topic, String transactionalIdPrefix) {
        return sinkBuilder(bootstrap, topic, transactionalIdPrefix).build();
    }

    /** The exactly-once sink of the averages, before {@code build()}, for callers that set producer properties. */
    public static KafkaSinkBuilder<String> sinkBuilder(String bootstrap, String topic, String transactionalIdPrefix) {
        return KafkaSink.<String>builder().setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(transactionalIdPrefix);
    }

    /** Writes {@code perSensor} readings, one every 10 s of event time, for each of {@code sensors} sensors (keyed by sensor). */
    public static void generate(String bootstrap, String topic, int sensors, int perSensor) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", "5"),
                new StringSerializer(), new StringSerializer())) {
            long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < perSensor; i++) {
                for (int s = 0; s < sensors; s++) {
                    double value = 20 + s + (i % 7) * 0.5;
                    String json = String.format(Locale.ROOT, "{\"sensor\":\"sensor-%d\",\"value\":%.1f}", s, value);
                    p.send(new ProducerRecord<>(topic, null, start + i * 10_000L, "sensor-" + s, json));
                }
            }
            p.flush();
        }
    }

    public static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
        }
    }

    /**
     * What a read_committed consumer sees in the topic, from its beginning to its end (the end offsets when the read
     * starts). Fails, naming how far it got, if that takes more than {@value #READ_LIMIT_MS} ms: a partial list would look
     * like lost records.
     */
    public static List<String> readCommitted(String bootstrap, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        List<String> all = new java.util.ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + READ_LIMIT_MS;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    Map<TopicPartition, Long> positions = new HashMap<>();
                    parts.forEach(tp -> positions.put(tp, c.position(tp)));
                    throw new IllegalStateException("Reading topic " + topic + " with read_committed did not reach its end "
                            + "offsets " + end + " within " + READ_LIMIT_MS + " ms (" + all.size() + " records read, positions "
                            + positions + "): is the broker at " + bootstrap + " overloaded or gone?");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    all.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bootstrap-servers") && i + 1 < args.length) {
                bootstrap = args[++i];
            } else {
                System.err.println("usage: ./weir kafka-demo [--bootstrap-servers host:port]");
                System.exit(2);
            }
        }
        EmbeddedKafka embedded = null;
        if (bootstrap == null) {
            System.out.println("Starting an in-process Kafka broker (KRaft)...");
            embedded = EmbeddedKafka.start();
            bootstrap = embedded.bootstrapServers();
        }
        try {
            System.out.println("Kafka at " + bootstrap + "; writing 5 sensors x 180 readings (30 minutes) to " + READINGS);
            createTopic(bootstrap, READINGS, 4);
            createTopic(bootstrap, AVERAGES, 1);
            generate(bootstrap, READINGS, 5, 180);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(500);
            averages(readings(env, source(bootstrap, READINGS))).sinkTo(sink(bootstrap, AVERAGES, "moving-average")).uid("averages-sink");
            long t0 = System.nanoTime();
            env.execute("moving-average");
            System.out.printf(Locale.ROOT, "Job finished in %d ms. Averages committed to %s:%n", (System.nanoTime() - t0) / 1_000_000, AVERAGES);
            List<String> out = readCommitted(bootstrap, AVERAGES);
            out.stream().limit(12).forEach(line -> System.out.println("  " + line));
            System.out.println("  ... " + out.size() + " averages in all (sensor,window end,average,readings)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Sum and count of a window's readings. */
    static final class Average implements AggregateFunction<Reading, double[], double[]> {
        @Override
        public double[] createAccumulator() {
            return new double[2];
        }

        @Override
        public double[] add(Reading r, double[] acc) {
            acc[0] += r.value();
            acc[1]++;
            return acc;
        }

        @Override
        public double[] getResult(double[] acc) {
            return acc;
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            return new double[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    /** Adds the sensor and the window's end. */
    static final class Format implements WindowFunction<double[], String, String, TimeWindow> {
        @Override
        public void apply(String sensor, TimeWindow window, Iterable<double[]> input, Collector<String> out) {
            double[] sc = input.iterator().next();
            out.collect(String.format(Locale.ROOT, "%s,%s,%.3f,%d", sensor, Instant.ofEpochMilli(window.getEnd()), sc[0] / sc[1], (long) sc[1]));
        }
    }
}
