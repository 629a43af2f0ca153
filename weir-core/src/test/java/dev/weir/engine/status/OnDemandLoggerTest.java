package dev.weir.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OnDemandLoggerTest {

    @Test
    void logsThroughThePlatformLoggerOfTheSameNameWithItsParameters() {
        String name = "dev.weir.test.OnDemandLoggerTest";
        List<String> seen = new ArrayList<>();
        Logger platform = Logger.getLogger(name);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getLevel() + " " + java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        platform.addHandler(handler);
        try {
            System.Logger logger = new OnDemandLogger(name);
            assertThat(logger.getName()).isEqualTo(name);
            assertThat(logger.isLoggable(System.Logger.Level.WARNING)).isTrue();
            logger.log(System.Logger.Level.WARNING, "Job ''{0}'' failed (attempt {1})", "j", 2);
            assertThat(seen).containsExactly("WARNING Job 'j' failed (attempt 2)");
        } finally {
            platform.removeHandler(handler);
        }
    }
}
