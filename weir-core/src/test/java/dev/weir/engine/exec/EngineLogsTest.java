package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's warnings go through {@code System.Logger} (here its default, java.util.logging), named after the class
 * that writes them, so an application that embeds Weir routes or silences them with its own logging.
 */
@Timeout(60)
class EngineLogsTest {
    @TempDir
    Path dir;

    @Test
    void aStatefulOperatorWithoutUidIsAWarningOfTheTaskWiringLogger() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(TaskWiring.class.getName());
        logger.addHandler(capture);
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.enableCheckpointing(3_600_000);
            env.getCheckpointConfig().setCheckpointStorage(dir.toString());
            env.fromData(1, 2, 3).keyBy(i -> i % 2).reduce(Integer::sum).name("sums").sinkTo(new DiscardingSink<>());
            env.execute("logs");
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(records).hasSize(1);
        LogRecord warning = records.get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
        assertThat(new SimpleFormatter().formatMessage(warning)).isEqualTo("Stateful operator "
                + "KeyedReduce 'sums' has no uid: its state is matched to the program by position and will not restore after the job "
                + "graph changes. Call .uid(\"...\") on it.");
    }
}
