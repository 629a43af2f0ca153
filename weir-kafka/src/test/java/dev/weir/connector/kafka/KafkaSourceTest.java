package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.util.CloseableIterator;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.formats.json.JsonDeserializationSchema;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.connector.kafka.source.KafkaSource;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class KafkaSourceTest {

    private static KafkaSource<String> bounded(String topic, OffsetsInitializer start) throws Exception {
        return KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setStartingOffsets(start).setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema()).build();
    }

    private static List<String> readAll(KafkaSource<String> source, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        List<String> out = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(Integer.MAX_VALUE);
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(null);
        return sorted;
    }

    @Test
    void twoReadersSplitThreePartitionsAndReadEveryRecordOnce() throws Exception {
        String topic = SharedKafka.newTopic("round-trip", 3);
        for (int p = 0; p < 3; p++) {
            int part = p;
            SharedKafka.write(topic, p, 1000, IntStream.range(0, 100).mapToObj(i -> part + "-" + i).toArray(String[]::new));
        }
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 100; i++) {
                expected.add(p + "-" + i);
            }
        }
        expected.sort(null);
        assertThat(readAll(bounded(topic, OffsetsInitializer.earliest()), 2)).isEqualTo(expected);
    }

    @Test
    void startingOffsetsPickWhereEachPartitionStarts() throws Exception {
        String topic = SharedKafka.newTopic("starting", 1);
        SharedKafka.write(topic, 0, 1000, "a", "b");
        SharedKafka.write(topic, 0, 2000, "c", "d");
        assertThat(readAll(bounded(topic, OffsetsInitializer.earliest()), 1)).containsExactly("a", "b", "c", "d");
        assertThat(readAll(bounded(topic, OffsetsInitializer.latest()), 1)).isEmpty();
        assertThat(readAll(bounded(topic, OffsetsInitializer.timestamp(1500)), 1)).containsExactly("c", "d");
        assertThat(readAll(bounded(topic, OffsetsInitializer.offsets(Map.of(new TopicPartition(topic, 0), 3L))), 1)).containsExactly("d");

        String group = "g-" + topic;
        KafkaSource<String> committed = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setGroupId(group).setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST))
                .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new SimpleStringSchema()).build();
        assertThat(readAll(committed, 1)).as("no committed offset: LATEST").isEmpty();
        try (var admin = SharedKafka.admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1))).all().get();
        }
        assertThat(readAll(committed, 1)).containsExactly("b", "c", "d");
    }

    @Test
    void aRecordThatFailsToDeserializeFailsTheJobNamingTopicPartitionAndOffset() throws Exception {
        String topic = SharedKafka.newTopic("bad-fail", 1);
        SharedKafka.write(topic, 0, 1000, "{\"sensor\":\"s1\",\"value\":1.5}", "not json");
        KafkaSource<Reading> source = KafkaSource.<Reading>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setBounded(OffsetsInitializer.latest()).setValueOnlyDeserializer(new JsonDeserializationSchema<>(Reading.class)).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThatThrownBy(() -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10))
                .rootCause().isInstanceOf(com.fasterxml.jackson.core.JsonParseException.class);
        assertThatThrownBy(() -> env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10))
                .hasStackTraceContaining("KafkaSource could not deserialize the record at topic " + topic + ", partition 0, offset 1: ")
                .hasStackTraceContaining("send bad records to a dead-letter topic with KafkaSourceBuilder.setDeadLetterTopic(...)");
    }

    @Test
    void aRecordThatFailsToDeserializeGoesToTheDeadLetterTopicWithItsReasonAndOrigin() throws Exception {
        String topic = SharedKafka.newTopic("bad-dlq", 1);
        String dlq = SharedKafka.newTopic("dlq", 1);
        SharedKafka.write(topic, 0, 1000, "{\"sensor\":\"s1\",\"value\":1.5}", "not json", "{\"sensor\":\"s2\",\"value\":2.0}");
        KafkaSource<Reading> source = KafkaSource.<Reading>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setBounded(OffsetsInitializer.latest()).setDeadLetterTopic(dlq)
                .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Reading.class)).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        List<Reading> good = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect(10);
        assertThat(good).containsExactly(new Reading("s1", 1.5), new Reading("s2", 2.0));

        List<ConsumerRecord<byte[], byte[]>> letters = SharedKafka.readAll(dlq, "read_uncommitted");
        assertThat(letters).hasSize(1);
        ConsumerRecord<byte[], byte[]> letter = letters.get(0);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(header(letter, "weir.dlq.topic")).isEqualTo(topic);
        assertThat(header(letter, "weir.dlq.partition")).isEqualTo("0");
        assertThat(header(letter, "weir.dlq.offset")).isEqualTo("1");
        assertThat(header(letter, "weir.dlq.reason")).startsWith("com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'not'");
    }

    @Test
    void newPartitionsAreDiscoveredAndReadFromTheirStart() throws Exception {
        String topic = SharedKafka.newTopic("discovery", 1);
        SharedKafka.write(topic, 0, 1000, "p0");
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setProperty("partition.discovery.interval.ms", "100").setValueOnlyDeserializer(new SimpleStringSchema()).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        try (CloseableIterator<String> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect()) {
            assertThat(it.next()).isEqualTo("p0");
            SharedKafka.addPartitions(topic, 3);
            SharedKafka.write(topic, 1, 1000, "p1");
            SharedKafka.write(topic, 2, 1000, "p2");
            List<String> rest = new ArrayList<>(List.of(it.next(), it.next()));
            rest.sort(null);
            assertThat(rest).containsExactly("p1", "p2");
        }
    }

    @Test
    void aSlowPartitionHoldsTheWatermarkBackSoNoneOfItsRecordsIsLate() throws Exception {
        String topic = SharedKafka.newTopic("slow", 2);
        // Partition 0 is far ahead in event time; partition 1 lags by an hour. With one watermark per reader, records
        // of partition 1 read after partition 0's would be behind the watermark; per partition, none is.
        SharedKafka.write(topic, 0, 3_600_000, IntStream.range(0, 500).mapToObj(i -> "fast" + i).toArray(String[]::new));
        SharedKafka.write(topic, 1, 1_000, IntStream.range(0, 500).mapToObj(i -> "slow" + i).toArray(String[]::new));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(1);
        List<String> late = env.fromSource(bounded(topic, OffsetsInitializer.earliest()), WatermarkStrategy.forMonotonousTimestamps(), "kafka")
                .process(new ProcessFunction<String, String>() {
                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        out.collect(ctx.timestamp() <= ctx.timerService().currentWatermark() ? "late " + value : "on time");
                    }
                }).executeAndCollect(Integer.MAX_VALUE);
        assertThat(late).hasSize(1000).containsOnly("on time");
    }

    @Test
    void anIdlePartitionDoesNotHoldTheWatermarkBackWithIdleness() throws Exception {
        String topic = SharedKafka.newTopic("idle", 2);
        SharedKafka.write(topic, 0, 1_000, "a", "b");
        SharedKafka.write(topic, 0, 70_000, "c");
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setValueOnlyDeserializer(new SimpleStringSchema()).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(10);
        // Partition 0 keeps getting records (of the second minute), so it never turns idle itself: were both partitions
        // to turn idle at one periodic emission, as can happen on a loaded machine, no watermark would be emitted (in
        // Flink neither) and the window would wait for more input.
        AtomicBoolean done = new AtomicBoolean();
        Thread keepActive = new Thread(() -> {
            try (var producer = SharedKafka.producer()) {
                while (!done.get()) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, 0, 70_000L, null, "d".getBytes()));
                    producer.flush();
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                // The test is over.
            }
        }, "keep-partition-0-active");
        keepActive.setDaemon(true);
        try (CloseableIterator<Long> it = env.fromSource(source,
                        WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofMillis(200)), "kafka")
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new CountStrings()).executeAndCollect()) {
            keepActive.start();
            assertThat(it.next()).as("the first minute's window fires although partition 1 never got a record").isEqualTo(2L);
        } finally {
            done.set(true);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    /** A JSON reading. */
    public record Reading(String sensor, double value) {
    }

    static final class CountStrings implements dev.weir.api.common.functions.AggregateFunction<String, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(String value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }
}
