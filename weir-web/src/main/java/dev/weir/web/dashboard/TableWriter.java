package dev.weir.web.dashboard;

import dev.weir.api.connector.sink2.SinkWriter;

/** Puts each record of a subtask as its key's row on a {@link TablePanel}, through one reused array of cells. */
final class TableWriter<T> implements SinkWriter<T> {
    private final DashboardSink<T> sink;
    private final TablePanel panel;
    private final Object[] cells;

    TableWriter(DashboardSink<T> sink, TablePanel panel) {
        this.sink = sink;
        this.panel = panel;
        this.cells = new Object[sink.columns.size()];
    }

    @Override
    public void write(T element, Context context) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = sink.columns.get(i).apply(element);
        }
        panel.put(String.valueOf(sink.key.apply(element)), cells);
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
