package dev.weir.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The log directory of an embedded broker whose JVM was killed with SIGKILL is deleted by the next start. */
@Timeout(180)
class EmbeddedKafkaLeftoversTest {
    @TempDir
    Path temp;

    @Test
    void theNextStartDeletesTheDirectoryOfABrokerKilledWithSigkillAndKeepsThoseOfLiveJvms() throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(List.of(java, "-Xmx256m", "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                BrokerMain.class.getName())).redirectErrorStream(true).start();
        Path left;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("started ")) {
                // the broker's start-up noise
            }
            assertThat(line).as("the child JVM started a broker").isNotNull();
            left = Path.of(line.substring("started ".length()));
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(left).isDirectory();
        Path live = Files.createDirectory(temp.resolve(EmbeddedKafka.PREFIX + "live"));
        Files.writeString(live.resolve(EmbeddedKafka.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));

        EmbeddedKafka.removeLeftovers(temp);

        assertThat(left).doesNotExist();
        assertThat(live).isDirectory();
    }
}
