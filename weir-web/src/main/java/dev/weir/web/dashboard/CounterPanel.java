package dev.weir.web.dashboard;

import java.util.concurrent.atomic.LongAdder;

/** The server side of a counter: how many records reached its sink, summed over the sink's subtasks. */
public final class CounterPanel implements DashboardPanel {
    private final String name;
    private final LongAdder count = new LongAdder();

    CounterPanel(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Counts {@code n} more. */
    public void add(long n) {
        count.add(n);
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(name, "counter", count.sum());
    }

    /** The counter as shown. */
    public record Snapshot(String name, String kind, long count) {
    }
}
