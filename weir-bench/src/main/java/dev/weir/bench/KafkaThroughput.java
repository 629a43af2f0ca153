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
 * filter keeps. A run's time is from its first parsed record to its job's end, commits included. Each run also reports
 * the CPU time per input record of the worker JVM and of the broker (this JVM), which a loaded machine distorts far
 * less than records per second.
 *
 * <p>Start it with {@code weir-bench/kafka-run.sh}. Options: {@code --records 3000000}, {@code --partitions 2},
 * {@code --rounds 3}, {@code --warmup 1}, {@code --jvm "-Xms2g -Xmx2g"}, and {@code --baseline-kafka-jar
 * /tmp/weir-kafka-before.jar}, which adds a third worker, "Weir baseline", running the same job on that copy of
 * weir-kafka's jar: a connector change measured against the build before it in the same run, rounds interleaved.
 * {@code --baseline-core-jar /tmp/weir-core-before.jar} does the same for weir-core's jar (an engine change), alone or
 * with {@code --baseline-kafka-jar} (both jars swapped in the one baseline worker).
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
        String baselineKafkaJar = null;
        String baselineCoreJar = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[i + 1]);
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--jvm" -> jvm = args[i + 1];
                case "--baseline-kafka-jar" -> baselineKafkaJar = args[i + 1];
                case "--baseline-core-jar" -> baselineCoreJar = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --records, --partitions, --rounds, --warmup, --jvm, --baseline-kafka-jar, --baseline-core-jar");
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
            if (baselineKafkaJar != null || baselineCoreJar != null) {
                String classpath = weirClasspath();
                if (baselineKafkaJar != null) {
                    classpath = withJar(classpath, "weir-kafka-", Path.of(baselineKafkaJar));
                }
                if (baselineCoreJar != null) {
                    classpath = withJar(classpath, "weir-core-", Path.of(baselineCoreJar));
                }
                workers.put("Weir baseline", ForkedJvm.start(classpath, jvmOptions, work.resolve("weir-baseline.log"),
                        "dev.weir.bench.weir.WeirKafkaJob"));
            }
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            try {
                int run = 0;
                for (int round = -warmup; round < rounds; round++) {
                    List<String> order = new ArrayList<>(workers.keySet());
                    java.util.Collections.rotate(order, Math.floorMod(round, order.size()));
                    for (String guarantee : GUARANTEES) {
                        for (String engine : order) {
                            Run r = measure(workers.get(engine), bootstrap, guarantee, partitions, records, expected, work, run++);
                            String label = engine + " " + guarantee;
                            System.out.printf(Locale.ROOT, "%s %-34s %,12.0f records/s, CPU per record %,6.0f ns worker + %,6.0f ns broker%n",
                                    round < 0 ? "warm-up" : "round " + round, label, r.rate(), r.workerCpu(), r.brokerCpu());
                            if (round >= 0) {
                                runs.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
                            }
                        }
                    }
                }
            } finally {
                for (ForkedJvm w : workers.values()) {
                    w.close();
                }
            }
            report(runs, workers.keySet(), records, partitions, rounds);
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

    /**
     * One run: input records per second, and CPU nanoseconds per input record of the worker JVM (from its first parsed
     * record to its job's end) and of this JVM, which is the broker's (from the command to the answer).
     */
    private record Run(double rate, double workerCpu, double brokerCpu) {
    }

    /** One run into a fresh output topic; checks the output. */
    private static Run measure(ForkedJvm worker, String bootstrap, String guarantee, int partitions, long records,
                               long expected, Path work, int run) throws Exception {
        String output = "out-" + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(output, partitions, (short) 1))).all().get();
        }
        Path checkpoints = work.resolve("checkpoints-" + run);
        long brokerCpu = Readings.processCpuNanos();
        String[] answer = worker.ask(String.join(" ", "run", guarantee, bootstrap, INPUT, output,
                "kafka-throughput-" + run, checkpoints.toString())).split(" ");
        brokerCpu = Readings.processCpuNanos() - brokerCpu;
        long nanos = Long.parseLong(answer[0]);
        long workerCpu = Long.parseLong(answer[1]);
        long written = countCommitted(bootstrap, output);
        if (written != expected) {
            throw new IllegalStateException("run " + run + " (" + guarantee + ") wrote " + written + " records, expected " + expected);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(output)).all().get();
        }
        deleteRecursively(checkpoints);
        return new Run(records / (nanos / 1e9), (double) workerCpu / records, (double) brokerCpu / records);
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

    private static void report(Map<String, List<Run>> runs, Iterable<String> engines, long records, int partitions, int rounds) {
        System.out.printf(Locale.ROOT, "%n%,d records, %d partitions, parallelism 2, checkpoints every 1 s, median of %d rounds "
                + "(%s, %d cores, %s)%n", records, partitions, rounds, Machine.cpuModel(),
                Runtime.getRuntime().availableProcessors(), Machine.memory());
        System.out.println("| engine | guarantee | records/s (median) | rounds | Weir / Flink | CPU ns/record worker + broker (median) |");
        System.out.println("|---|---|---:|---|---:|---:|");
        for (String guarantee : GUARANTEES) {
            double flink = median(runs.get("Flink 1.20.5 " + guarantee), Run::rate);
            for (String engine : engines) {
                List<Run> all = runs.get(engine + " " + guarantee);
                double rate = median(all, Run::rate);
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %s | %s | %,.0f + %,.0f |%n", engine, guarantee, rate,
                        all.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.rate())).toList(),
                        engine.startsWith("Weir") ? String.format(Locale.ROOT, "%.2f", rate / flink) : "",
                        median(all, Run::workerCpu), median(all, Run::brokerCpu));
            }
        }
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
        return withJar(System.getProperty("java.class.path"), "kafka-clients-", clients);
    }

    /** {@code classpath} with each entry whose file name starts with {@code prefix} replaced by {@code jar}. */
    private static String withJar(String classpath, String prefix, Path jar) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).getFileName().toString().startsWith(prefix) ? jar.toString() : entry);
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
