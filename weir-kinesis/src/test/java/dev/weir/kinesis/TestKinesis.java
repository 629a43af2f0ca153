package dev.weir.kinesis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weir.kinesis.local.Kinesalite;
import java.nio.file.Path;

/**
 * kinesalite for the tests, installed into {@code target/kinesalite}. Without {@code node} and {@code npm} the tests are
 * skipped with a message, except under {@code CI=true}, where they fail ({@code .ci/run} installs Node.js).
 */
final class TestKinesis {
    private static Kinesalite shared;

    private TestKinesis() {
    }

    /** One kinesalite for the test classes of this JVM that ask for it, stopped when the JVM exits; streams need unique names. */
    static synchronized Kinesalite shared() throws Exception {
        if (shared == null) {
            Kinesalite started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            shared = started;
        }
        return shared;
    }

    static Kinesalite start() throws Exception {
        boolean node = Kinesalite.nodeAvailable();
        if (!node && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("node and npm are needed for the Kinesis tests under CI=true (.ci/run installs "
                    + "Debian's nodejs and npm)");
        }
        assumeTrue(node, "Kinesis tests skipped: node and npm are not on the PATH (apt-get install nodejs npm)");
        return Kinesalite.start(Path.of("target", "kinesalite"));
    }
}
