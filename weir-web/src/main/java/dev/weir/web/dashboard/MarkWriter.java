package dev.weir.web.dashboard;

import dev.weir.api.connector.sink2.SinkWriter;

/** Marks each record of a subtask on its {@link LineChartPanel}. */
final class MarkWriter<T> implements SinkWriter<T> {
    private final DashboardSink<T> sink;
    private final ChartPanels panels;

    MarkWriter(DashboardSink<T> sink, ChartPanels panels) {
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
        if (time == Long.MIN_VALUE) {
            panel.addEmpty();
            return;
        }
        panel.mark(sink.series == null ? null : sink.series.apply(element), time,
                sink.label == null ? String.valueOf(element) : sink.label.apply(element), valueOf(element));
    }

    private double valueOf(T element) {
        Number value = sink.value == null ? null : sink.value.apply(element);
        return value == null ? Double.NaN : value.doubleValue();
    }

    @Override
    public void flush(boolean endOfInput) {
        // Nothing is buffered.
    }

    @Override
    public void close() {
        // The panel outlives the job, so its chart stays on the dashboard.
    }
}
