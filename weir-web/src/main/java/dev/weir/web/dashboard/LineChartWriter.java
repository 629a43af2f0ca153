package dev.weir.web.dashboard;

import dev.weir.api.connector.sink2.SinkWriter;

/** Plots each record of a subtask on its {@link LineChartPanel}: one point of its series, or one per line. */
final class LineChartWriter<T> implements SinkWriter<T> {
    private final DashboardSink<T> sink;
    private final ChartPanels panels;

    LineChartWriter(DashboardSink<T> sink, ChartPanels panels) {
        this.sink = sink;
        this.panels = panels;
    }

    @Override
    public void write(T element, Context context) {
        LineChartPanel panel = panels.panel(sink.chart == null ? null : sink.chart.apply(element));
        if (panel == null) {
            panels.dropOverLimit();
            return;
        }
        long time = sink.timeOf(element, context);
        if (sink.lines.isEmpty()) {
            plot(panel, sink.seriesOf(element), time, sink.value.apply(element));
        } else {
            for (int i = 0, n = sink.lines.size(); i < n; i++) {
                plot(panel, sink.lineNames.get(i), time, sink.lines.get(i).apply(element));
            }
        }
    }

    private static void plot(LineChartPanel panel, String series, long time, Number value) {
        if (value == null || time == Long.MIN_VALUE) {
            panel.addEmpty();
        } else {
            panel.add(series, time, value.doubleValue());
        }
    }

    @Override
    public void flush(boolean endOfInput) {
        // Nothing is buffered: every point is on the panel when write returns.
    }

    @Override
    public void close() {
        // The panel outlives the job, so its chart stays on the dashboard.
    }
}
