package dev.weir.kinesis.local;

import dev.weir.testing.LocalPorts;
import dev.weir.connector.aws.config.AWSConfigConstants;
import dev.weir.kinesis.KinesisClients;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * kinesalite, a real implementation of the Kinesis API on Node.js, for demos and tests as the embedded broker is for
 * Kafka: installed from the npm registry into a folder on first use and run in memory on a free port.
 */
public final class Kinesalite implements AutoCloseable {
    /** The kinesalite release installed. */
    public static final String VERSION = "3.3.3";

    /**
     * Preloaded into node: kinesalite throws from a request's error handler when a client closes its connection before
     * the request is complete (a job cancelled or a JVM killed while its GetRecords call is on the wire), which would end
     * the whole server; such an error is logged and the server goes on. Any other uncaught error still ends it.
     */
    private static final String KEEP_SERVING_ON_CLIENT_ABORT = """
            process.on('uncaughtException', function (err) {
              if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
                console.error('kinesalite: a client closed its connection mid-request (' + err.message + '); serving on');
                return;
              }
              console.error(err);
              process.exit(1);
            });
            """;

    private final Process process;
    private final int port;

    private Kinesalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether {@code node} and {@code npm} are on the PATH. */
    public static boolean nodeAvailable() {
        return onPath("node") && onPath("npm");
    }

    /**
     * Installs kinesalite into {@code home} unless it is there, and starts it.
     *
     * @throws IllegalStateException when node or npm is missing, the install fails or the server does not start,
     *     with npm's or kinesalite's output
     */
    public static Kinesalite start(Path home) throws Exception {
        if (!nodeAvailable()) {
            throw new IllegalStateException("kinesalite needs node and npm on the PATH (Debian: apt-get install nodejs npm)");
        }
        Path cli = home.resolve("node_modules/kinesalite/cli.js");
        if (!Files.exists(cli)) {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(),
                    "kinesalite@" + VERSION).redirectErrorStream(true).redirectOutput(home.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install kinesalite@" + VERSION + " failed; see " + home.resolve("npm-install.log")
                        + ":\n" + Files.readString(home.resolve("npm-install.log")));
            }
        }
        int port = LocalPorts.pick();
        Path log = home.resolve("kinesalite-" + port + ".log");
        Path keepServing = home.resolve("keep-serving-on-client-abort.js");
        Path written = Files.writeString(Files.createTempFile(home, "keep-serving", ".js"), KEEP_SERVING_ON_CLIENT_ABORT);
        Files.move(written, keepServing, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Process process = new ProcessBuilder("node", "--require", keepServing.toAbsolutePath().toString(), cli.toString(), "--port", Integer.toString(port), "--createStreamMs", "0",
                "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "100")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Kinesalite(process, port);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kinesalite did not start on port " + port + ": " + Files.readString(log));
                }
                Thread.sleep(20);
            }
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** The endpoint, {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The AWS client keys that point a source or sink here. */
    public Map<String, String> clientProperties() {
        return Map.of(AWSConfigConstants.AWS_ENDPOINT, endpoint(), AWSConfigConstants.AWS_REGION, "us-east-1",
                AWSConfigConstants.accessKeyId(), "weir", AWSConfigConstants.secretKey(), "weir");
    }

    /** A client of this server. */
    public KinesisClient client() {
        return KinesisClients.create(clientProperties());
    }

    /** The ARN of {@code stream} here. */
    public static String arn(String stream) {
        return "arn:aws:kinesis:us-east-1:000000000000:stream/" + stream;
    }

    /** Creates {@code stream} with {@code shards} shards and waits until it is active. */
    public void createStream(String stream, int shards) throws InterruptedException {
        try (KinesisClient client = client()) {
            client.createStream(b -> b.streamName(stream).shardCount(shards));
            awaitActive(client, stream);
        }
    }

    /** Waits until {@code stream} is ACTIVE (after a create, split or merge). */
    public static void awaitActive(KinesisClient client, String stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatus() != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stream " + stream + " did not become ACTIVE within 30 s");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
