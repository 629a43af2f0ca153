package dev.weir.kafka.embedded;

import dev.weir.testing.LocalPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one server) running inside this JVM, on free
 * loopback ports and a temporary log directory that {@link #close()} deletes. For tests and {@code ./weir kafka-demo};
 * it needs the optional {@code org.apache.kafka:kafka_2.13} dependency on the classpath.
 *
 * <p>A JVM killed with SIGKILL cannot delete its log directory, so each directory names its owner's process id (in
 * {@value #OWNER_FILE}), and every start deletes the directories whose owner is no longer alive. A JVM that ends
 * without {@link #close()} (Ctrl-C, {@code System.exit}) stops its broker and then deletes its directory in a shutdown
 * hook, in that order: a directory deleted under a running broker makes the broker halt the JVM with status 1.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
    static final String PREFIX = "weir-kafka-";
    static final String OWNER_FILE = "weir-owner.pid";
    private static final System.Logger LOG = System.getLogger(EmbeddedKafka.class.getName());
    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;
    private final Thread cleanupOnExit;
    private boolean stopped;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
        this.cleanupOnExit = new Thread(this::stopAndDelete, "weir-kafka-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** Formats a fresh log directory and starts the broker; returns once it accepts clients. */
    public static EmbeddedKafka start() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(temp);
        Path logDir = Files.createTempDirectory(temp, PREFIX);
        Files.writeString(logDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        int[] ports = LocalPorts.pick(2);
        int brokerPort = ports[0];
        int controllerPort = ports[1];
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        // Tests and demos write records stamped in 1970 (event time 5, 1000, ...): time-based retention would delete
        // their segments as soon as its first check runs, 30 s after the broker starts, and a read would find nothing.
        props.put("log.retention.ms", "-1");
        props.put("auto.create.topics.enable", "true");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        KafkaConfig config = new KafkaConfig(props, false);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName("CONTROLLER")
                .run();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            deleteRecursively(logDir);
            throw e;
        }
        return new EmbeddedKafka(server, logDir, "127.0.0.1:" + brokerPort);
    }

    /** The {@code bootstrap.servers} value for clients of this broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Closed from another shutdown hook: the cleanup hook runs anyway and finds nothing left.
        }
    }

    /**
     * Stops the broker, then deletes its log directory; once only, whichever of {@link #close()} and the shutdown hook
     * comes first (the other waits for it).
     */
    private synchronized void stopAndDelete() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
        deleteQuietly(logDir);
    }

    /**
     * Deletes the log directories in {@code temp} left by embedded brokers whose JVM is gone (killed with SIGKILL, a
     * crash); directories of live JVMs, and those without an owner file, are kept.
     */
    static void removeLeftovers(Path temp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(OWNER_FILE);
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).trim());
                } catch (IOException | NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                LOG.log(System.Logger.Level.INFO, "Deleting " + dir + ", left by an embedded Kafka broker whose JVM (pid " + pid + ") is gone");
                deleteQuietly(dir);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot look for leftover embedded Kafka directories in " + temp + ": " + e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                deleteRecursively(dir);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // A temp directory left behind is harmless (the next start removes it); failing the caller's cleanup is not.
            LOG.log(System.Logger.Level.WARNING, "Cannot delete " + dir + ": " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
