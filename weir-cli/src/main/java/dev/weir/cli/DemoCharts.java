package dev.weir.cli;

import dev.weir.examples.anomaly.Alert;
import dev.weir.examples.anomaly.AnomalyDetection;
import dev.weir.examples.anomaly.SensorEvent;
import dev.weir.examples.anomaly.SensorStats;
import dev.weir.web.dashboard.DashboardSink;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's charts: one page per sensor ({@code /charts/sensor 3}) with its readings, its rolling mean and the alert
 * thresholds (mean plus and minus three sigma), and its alerts marked on the readings; a table of each sensor's latest
 * alert and a count of all alerts.
 */
final class DemoCharts {
    /** Three hours of event time: the demo replays them in about 20 seconds at its default rate. */
    static final Duration WINDOW = Duration.ofHours(3);
    static final String READING = "reading";

    private DemoCharts() {
    }

    static String chartOf(int sensorId) {
        return "sensor " + sensorId;
    }

    static void add(AnomalyDetection.Streams streams) {
        // At the source's parallelism, so the readings' sink chains to it instead of adding an exchange.
        streams.readings().sinkTo(DashboardSink.<SensorEvent>lineChart("readings").charts(e -> chartOf(e.sensorId()))
                .series(e -> READING).value(SensorEvent::value).time(SensorEvent::timestamp).window(WINDOW))
                .name("Chart: Readings").setParallelism(1);
        streams.stats().sinkTo(DashboardSink.<SensorStats>lineChart("rolling means").charts(s -> chartOf(s.sensorId()))
                .line("rolling mean", SensorStats::mean)
                .line("alert above (mean + 3 sigma)", s -> s.mean() + 3 * s.sigma())
                .line("alert below (mean - 3 sigma)", s -> s.mean() - 3 * s.sigma())
                .time(s -> s.windowEnd() - 1).window(WINDOW)).name("Chart: Rolling Means");
        streams.alerts().sinkTo(DashboardSink.<Alert>marks("alerts").charts(a -> chartOf(a.sensorId())).series(a -> READING)
                .time(Alert::timestamp).value(Alert::value).label(a -> String.format(Locale.ROOT, "alert: %.2f is %.1f sigma from the mean %.2f",
                        a.value(), a.deviations(), a.mean())).window(WINDOW)).name("Chart: Alerts");
        streams.alerts().sinkTo(DashboardSink.<Alert>table("latest alert per sensor").key(a -> chartOf(a.sensorId()))
                .column("time", a -> java.time.Instant.ofEpochMilli(a.timestamp())).column("value", Alert::value)
                .column("mean", Alert::mean).column("sigma", Alert::sigma)).name("Table: Latest Alerts");
        streams.alerts().sinkTo(DashboardSink.<Alert>counter("alerts counted")).name("Counter: Alerts");
    }
}
