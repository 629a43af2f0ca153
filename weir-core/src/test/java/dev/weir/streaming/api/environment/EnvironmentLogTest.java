package dev.weir.streaming.api.environment;

import dev.weir.testing.LocalPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.RestOptions;
import dev.weir.util.CloseableIterator;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the environment logs (through System.Logger, here backed by java.util.logging) when it ignores something. */
@Timeout(60)
class EnvironmentLogTest {
    private final Logger logger = Logger.getLogger(StreamExecutionEnvironment.class.getName());
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getLevel() + " " + formatter.formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void aFlinkKeyWeirDoesNotUseIsAcceptedWithOneLogLine() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("taskmanager.numberOfTaskSlots", "4");
        assertThat(lines).containsExactly("INFO Configuration key 'taskmanager.numberOfTaskSlots' is accepted and not used by Weir");
    }

    @Test
    void withoutWeirWebTheWebUiEnvironmentRunsJobsWithoutADashboardAndSaysHowToAddIt() throws Exception {
        int port = LocalPorts.pick();
        Configuration config = new Configuration();
        config.set(RestOptions.PORT, port);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        assertThat(lines).containsExactly(
                "WARNING No web UI: add the dev.weir:weir-web dependency to serve the dashboard; the job runs without it");
        assertThat(canConnect(port)).as("nothing serves port " + port).isFalse();
        List<Long> out = new ArrayList<>();
        try (CloseableIterator<Long> it = env.fromSequence(1, 3).executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        assertThat(out).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aBatchJobWithCheckpointingEnabledRunsWithoutCheckpointsAndSaysSo() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(10);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromData(1, 2, 3).keyBy(i -> i % 2).sum(0).sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        env.execute("batch with checkpoints");
        assertThat(lines).containsExactly("INFO Checkpointing is disabled for job 'batch with checkpoints': it runs in BATCH mode, "
                + "where Flink takes no checkpoints either");
    }

    private static boolean canConnect(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
