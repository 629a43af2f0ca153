package dev.weir.web.dashboard;

import dev.weir.api.connector.sink2.SinkWriter;

/** Counts each record of a subtask on its {@link CounterPanel}. */
final class CounterWriter<T> implements SinkWriter<T> {
    private final CounterPanel panel;

    CounterWriter(CounterPanel panel) {
        this.panel = panel;
    }

    @Override
    public void write(T element, Context context) {
        panel.add(1);
    }

    @Override
    public void flush(boolean endOfInput) {
        // Nothing is buffered.
    }

    @Override
    public void close() {
        // The panel outlives the job.
    }
}
