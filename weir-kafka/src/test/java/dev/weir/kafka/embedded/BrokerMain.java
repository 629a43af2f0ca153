package dev.weir.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;

/** Starts an embedded broker, prints "started" and its log directory, and waits to be killed. */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try (var dirs = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), EmbeddedKafka.PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.readString(dir.resolve(EmbeddedKafka.OWNER_FILE)).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                    System.out.println("started " + dir);
                }
            }
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        kafka.close();
    }
}
