package dev.weir.web.dashboard;

import dev.weir.api.connector.sink2.SinkWriter;

/** Plots each record of a subtask on its {@link LineChartPanel}. */
final class LineChartWriter<T> implements SinkWriter<T> {
    private final DashboardSink<T> sink;
    private final LineChartPanel panel;

    LineChartWriter(DashboardSink<T> sink, LineChartPanel panel) {
        this.sink = sink;
        this.panel = panel;
    }

    @Override
    public void write(T element, Context context) {
        Number value = sink.value.apply(element);
        long time = sink.timeOf(element, context);
        if (value == null || time == Long.MIN_VALUE) {
            panel.addEmpty();
            return;
        }
        panel.add(sink.seriesOf(element), time, value.doubleValue());
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
