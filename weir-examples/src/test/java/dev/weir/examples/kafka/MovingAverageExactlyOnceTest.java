package dev.weir.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.api.common.accumulators.IntCounter;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.examples.kafka.MovingAverage.Reading;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The challenge job through a real broker: failures injected three times, the committed output equals the failure-free one. */
@Timeout(180)
class MovingAverageExactlyOnceTest {
    private static final int SENSORS = 10;
    private static final int PER_SENSOR = 2_000;

    @TempDir
    Path dir;

    @Test
    void theCommittedAveragesOfAJobThatFailsThreeTimesEqualTheFailureFreeOnesExactly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "readings", 4);
            MovingAverage.createTopic(bootstrap, "clean", 2);
            MovingAverage.createTopic(bootstrap, "faulty", 2);
            MovingAverage.generate(bootstrap, "readings", SENSORS, PER_SENSOR);

            run(bootstrap, "clean", false);
            JobExecutionResult result = run(bootstrap, "faulty", true);

            List<String> expected = sorted(MovingAverage.readCommitted(bootstrap, "clean"));
            List<String> actual = sorted(MovingAverage.readCommitted(bootstrap, "faulty"));
            // 2,000 readings 10 s apart span 20,000 s: windows end every minute from the first reading to 10 min after the last.
            assertThat(expected).hasSize(SENSORS * (333 + 10));
            assertThat(expected.get(0)).isEqualTo("sensor-0,2026-01-01T00:01:00Z,21.250,6");
            assertThat(actual).isEqualTo(expected);
            assertThat(result.<Integer>getAccumulatorResult("attempt")).as("finished in the fourth attempt").isEqualTo(3);
        }
    }

    private JobExecutionResult run(String bootstrap, String out, boolean fail) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + out).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(10)));
        MovingAverage.averages(MovingAverage.readings(env, MovingAverage.source(bootstrap, "readings"))
                        .map(new FailInAttempts(fail)).uid("fail"))
                .sinkTo(MovingAverage.sink(bootstrap, out, "eos-" + out)).uid("sink");
        return env.execute("moving-average-" + out);
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    /** Throws in attempts 0, 1 and 2, each after a few thousand readings, so each failure follows the last restore. */
    static final class FailInAttempts extends RichMapFunction<Reading, Reading> {
        private final boolean inject;
        private long seen;

        FailInAttempts(boolean inject) {
            this.inject = inject;
        }

        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().addAccumulator("attempt", new IntCounter(getRuntimeContext().getTaskInfo().getAttemptNumber()));
            }
        }

        @Override
        public Reading map(Reading value) throws InterruptedException {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            seen++;
            if (inject && attempt < 3 && getRuntimeContext().getIndexOfThisSubtask() == 0 && seen == 3_000) {
                throw new IllegalStateException("injected failure in attempt " + attempt);
            }
            if (seen % 500 == 0) {
                Thread.sleep(20); // lets checkpoints complete between failures
            }
            return value;
        }
    }
}
