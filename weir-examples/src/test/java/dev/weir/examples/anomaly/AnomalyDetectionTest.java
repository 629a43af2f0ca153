package dev.weir.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AnomalyDetectionTest {
    static final ConcurrentLinkedQueue<String> ALERTS = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> LATE = new ConcurrentLinkedQueue<>();

    @Test
    void theDemoReplayStaysBehindTheWallClockForEightHoursWhateverTheRate() {
        long eightHours = Duration.ofHours(8).toMillis();
        for (double rate : new double[] {5_000, 200_000, 10}) {
            long before = System.currentTimeMillis();
            AnomalyDetection.Settings s = AnomalyDetection.Settings.demo(rate, 10);
            double speedUp = Math.max(1, rate / 10);
            // Event time after eight hours of running at the demo's rate, against the wall clock then.
            double eventTimeThen = s.startMillis() + speedUp * eightHours;
            assertThat(eventTimeThen).as("rate %s", rate).isLessThanOrEqualTo(before + eightHours);
            assertThat(s.startMillis()).as("rate %s", rate).isLessThanOrEqualTo(before - Duration.ofDays(7).toMillis());
        }
    }

    @Test
    @Timeout(120)
    void findsEveryInjectedAnomalyAndFlagsNoNormalReadingForAFixedSeed() throws Exception {
        int sensors = 8;
        long events = sensors * 3_000L;
        AnomalyDetection.Settings settings = new AnomalyDetection.Settings(7, sensors, events, 0, 1_700_000_000_000L, 1000, 5000,
                Duration.ofHours(1), Duration.ofMinutes(1), 150, 200);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        AnomalyDetection.Streams streams = AnomalyDetection.build(env, settings);
        streams.alerts().map(a -> (Object) a).addSink(new Collect(true));
        streams.late().map(e -> (Object) e).addSink(new Collect(false));
        env.execute("anomaly test");

        SensorGenerator generator = settings.generator();
        Set<String> anomalies = new TreeSet<>();
        Set<String> late = new TreeSet<>();
        for (long i = 0; i < events; i++) {
            SensorEvent e = generator.map(i);
            if (generator.isAnomaly(i)) {
                anomalies.add(key(e.sensorId(), e.timestamp(), e.value()));
            }
            if (generator.isLate(i)) {
                late.add(key(e.sensorId(), e.timestamp(), e.value()));
            }
        }
        assertThat(anomalies).hasSizeGreaterThan(50);
        assertThat(late).hasSizeGreaterThan(50);
        assertThat(new TreeSet<>(ALERTS)).isEqualTo(anomalies);
        assertThat(ALERTS).hasSameSizeAs(anomalies);
        assertThat(new TreeSet<>(LATE)).isEqualTo(late);
    }

    private static String key(int sensor, long timestamp, double value) {
        return sensor + "@" + timestamp + "=" + value;
    }

    /** Collects alerts or late readings into the static queues. */
    static final class Collect implements SinkFunction<Object> {
        private final boolean alerts;

        Collect(boolean alerts) {
            this.alerts = alerts;
        }

        @Override
        public void invoke(Object value, Context context) {
            if (value instanceof Alert a) {
                assertThat(a.deviations()).isGreaterThan(3);
                ALERTS.add(key(a.sensorId(), a.timestamp(), a.value()));
            } else {
                SensorEvent e = (SensorEvent) value;
                LATE.add(key(e.sensorId(), e.timestamp(), e.value()));
            }
        }
    }
}
