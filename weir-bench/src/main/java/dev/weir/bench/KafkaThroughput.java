package dev.weir.bench;

import dev.weir.bench.kafka.Readings;
import dev.weir.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka → parse → filter → map → Kafka on Weir and on Flink 1.20 with flink-connector-kafka 3.4.0-1.20, at least
 * once and exactly once, checkpoints every second, parallelism 2, each job reading the whole pre-filled input topic
 * bounded. The broker (weir-kafka's {@link EmbeddedKafka}, KRaft) runs in this JVM; each engine runs in a worker JVM
 * of its own ({@code weir/WeirKafkaJob}, {@code flink/FlinkKafkaJob}), Flink's on kafka-clients 3.4.0 (the version its
 * connector is built against) instead of Weir's 4.3.1. Per round, every engine and guarantee runs once into a fresh
 * output topic, in an order rotating by round; the output is counted (read_committed) and must be exactly what the
 * filter keeps. A run's time is from its first parsed record to its job's end, commits included.
 *
 * <p>Start it with {@code weir-bench/kafka-run.sh}. Options: {@code --records 3000000}, {@code --partitions 2},
 * {@code --rounds 3}, {@code --warmup 1}, {@code --jvm "-Xms2g -Xmx2g"}.
 */
public final class KafkaThroughput {
    private static final String INPUT = "readings";
    private static final List<String> GUARANTEES = List.of("AT_LEAST_ONCE", "EXACTLY_ONCE");

    private KafkaThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long records = 3_000_000;
        int partitions = 2;
        int rounds = 3;
        int warmup = 1;
        String jvm = "-Xms2g -Xmx2g";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[i + 1]);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--jvm" -> jvm = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --records, --partitions, --rounds, --warmup, --jvm");
            }
        }
        Path work = Files.createTempDirectory("weir-kafka-throughput");
        List<String> jvmOptions = List.of(jvm.trim().split("\\s+"));
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            long t0 = System.nanoTime();
            long expected = fill(bootstrap, records, partitions);
            System.out.printf(Locale.ROOT, "Input: %,d readings in topic '%s' (%d partitions), written in %.1f s; the filter keeps %,d%n",
                    records, INPUT, partitions, (System.nanoTime() - t0) / 1e9, expected);
            Map<String, ForkedJvm> workers = new LinkedHashMap<>();
            workers.put("Weir", ForkedJvm.start(weirClasspath(), jvmOptions, work.resolve("weir.log"),
                    "dev.weir.bench.weir.WeirKafkaJob"));
            workers.put("Flink 1.20.5", ForkedJvm.start(flinkClasspath(), jvmOptions, work.resolve("flink.log"),
                    "dev.weir.bench.flink.FlinkKafkaJob"));
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            try {
                int run = 0;
                for (int round = -warmup; round < rounds; round++) {
                    List<String> order = new ArrayList<>(workers.keySet());
                    java.util.Collections.rotate(order, Math.floorMod(round, order.size()));
                    for (String guarantee : GUARANTEES) {
                        for (String engine : order) {
                            double rate = measure(workers.get(engine), bootstrap, guarantee, partitions, records, expected,
                                    work, run++);
                            String label = engine + " " + guarantee;
                            System.out.printf(Locale.ROOT, "%s %-28s %,12.0f records/s%n", round < 0 ? "warm-up" : "round " + round,
                                    label, rate);
                            if (round >= 0) {
                                rates.computeIfAbsent(label, k -> new ArrayList<>()).add(rate);
                            }
                        }
                    }
                }
            } finally {
                for (ForkedJvm w : workers.values()) {
                    w.close();
                }
            }
            report(rates, records, partitions, rounds);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Writes the readings round-robin over the partitions; returns how many the job's filter keeps. */
    private static long fill(String bootstrap, long records, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(INPUT, partitions, (short) 1))).all().get();
        }
        long kept = 0;
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("linger.ms", "20");
        props.put("batch.size", "262144");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < records; i++) {
                p.send(new ProducerRecord<>(INPUT, (int) (i % partitions), null, Readings.json(i)));
                if (Readings.passes(i)) {
                    kept++;
                }
            }
            p.flush();
        }
        return kept;
    }

    /** One run into a fresh output topic; checks the output and returns input records per second. */
    private static double measure(ForkedJvm worker, String bootstrap, String guarantee, int partitions, long records,
                                  long expected, Path work, int run) throws Exception {
        String output = "out-" + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(output, partitions, (short) 1))).all().get();
        }
        Path checkpoints = work.resolve("checkpoints-" + run);
        long nanos = Long.parseLong(worker.ask(String.join(" ", "run", guarantee, bootstrap, INPUT, output,
                "kafka-throughput-" + run, checkpoints.toString())));
        long written = countCommitted(bootstrap, output);
        if (written != expected) {
            throw new IllegalStateException("run " + run + " (" + guarantee + ") wrote " + written + " records, expected " + expected);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(output)).all().get();
        }
        deleteRecursively(checkpoints);
        return records / (nanos / 1e9);
    }

    /** The records a read_committed consumer reads from the topic, once every transaction in it is decided. */
    private static long countCommitted(String bootstrap, String topic) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", "10000");
        props.put("fetch.max.bytes", String.valueOf(64 << 20));
        props.put("max.partition.fetch.bytes", String.valueOf(16 << 20));
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaConsumer<byte[], byte[]> u = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<TopicPartition, Long> stable = c.endOffsets(parts);
            while (!stable.equals(u.endOffsets(parts)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                stable = c.endOffsets(parts);
            }
            Map<TopicPartition, Long> end = stable;
            c.assign(parts);
            c.seekToBeginning(parts);
            long count = 0;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                count += c.poll(Duration.ofMillis(200)).count();
                if (System.nanoTime() > deadline + Duration.ofSeconds(120).toNanos()) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
            }
            return count;
        }
    }

    private static void report(Map<String, List<Double>> rates, long records, int partitions, int rounds) {
        System.out.printf(Locale.ROOT, "%n%,d records, %d partitions, parallelism 2, checkpoints every 1 s, median of %d rounds "
                + "(%s, %d cores, %s)%n", records, partitions, rounds, Machine.cpuModel(),
                Runtime.getRuntime().availableProcessors(), Machine.memory());
        System.out.println("| engine | guarantee | records/s (median) | rounds | Weir / Flink |");
        System.out.println("|---|---|---:|---|---:|");
        for (String guarantee : GUARANTEES) {
            double weir = median(rates.get("Weir " + guarantee));
            double flink = median(rates.get("Flink 1.20.5 " + guarantee));
            for (String engine : List.of("Weir", "Flink 1.20.5")) {
                List<Double> all = rates.get(engine + " " + guarantee);
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %s | %s |%n", engine, guarantee, median(all),
                        all.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList(),
                        engine.equals("Weir") ? String.format(Locale.ROOT, "%.2f", weir / flink) : "");
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** This JVM's own classpath: the build's classes and kafka-classpath.txt, which {@code kafka-run.sh} starts it with. */
    private static String weirClasspath() {
        return System.getProperty("java.class.path");
    }

    /** The same, with kafka-clients 4.3.1 replaced by the 3.4.0 that flink-connector-kafka 3.4.0-1.20 is built against. */
    private static String flinkClasspath() throws IOException, URISyntaxException {
        Path build = Path.of(KafkaThroughput.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path clients;
        try (Stream<Path> jars = Files.list(build.resolve("flink-kafka-clients"))) {
            clients = jars.filter(p -> p.getFileName().toString().startsWith("kafka-clients-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no kafka-clients jar in " + build.resolve("flink-kafka-clients")
                            + ": build weir-bench with -Dflink.version=1.20.5"));
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).getFileName().toString().startsWith("kafka-clients-") ? clients.toString() : entry);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
