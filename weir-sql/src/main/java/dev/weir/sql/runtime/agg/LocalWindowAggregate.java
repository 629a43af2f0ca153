package dev.weir.sql.runtime.agg;

import dev.weir.api.common.functions.AbstractRichFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.builtin.BundledFunction;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.util.Objects;

/**
 * The local phase of a two-phase window aggregate, Flink's {@code LocalWindowAggregate}: before the exchange, the rows
 * of one subtask are aggregated per grouping key and slice of event time (a tumbling window, or a hopping window's
 * slide), and only the partial accumulators cross to the window operator, which merges them ({@link
 * GlobalWindowAggregate}). The bundle of partials is sent before every watermark and checkpoint barrier passes, at the
 * end of input and when {@link #MAX_PAIRS} pairs are held, so the window operator sees every row's contribution before
 * the watermark that fires its window, as with one phase; its late rule applies to the slice, which is the same for
 * every row of the slice.
 */
public final class LocalWindowAggregate extends AbstractRichFunction implements BundledFunction<Row, WindowPartial> {
    private static final long serialVersionUID = 1L;
    /**
     * Pairs of key and slice held at most, as Flink's {@code table.exec.window-agg.buffer-size-limit} bounds its buffer.
     * Small, so that the table stays in the core's cache: rows come nearly in time order, so ending a bundle early
     * splits few pairs, while a table of every slice since the last watermark missed the cache on every row.
     */
    static final int MAX_PAIRS = 1 << 12;
    /** The bundle also ends this long after it began, though watermarks end it sooner on a running stream. */
    private static final long MAX_BUNDLE_MILLIS = 1000;

    private final GroupKeySelector keys;
    private final LongAggregate aggregate;
    private final long sliceSize;
    private final long offset;
    /**
     * Made in {@link #open}, not on the first row: the JIT compiles this function's rows into the source's chain from a
     * profile in which that first-row branch was never taken (the table of the job it profiled was made before), and
     * the next job of the JVM (a new instance) then threw the whole compiled chain away on its first row.
     */
    private transient PartialTable table;
    /**
     * The slice the last row fell in, [start, end), empty at first: rows come nearly in time order, so most need no
     * division to find theirs.
     */
    private transient long sliceStart;
    private transient long sliceEnd;

    /** Aggregates with {@code aggregate} per key of {@code keys} and slice of {@code sliceSize} ms from {@code offset}. */
    public LocalWindowAggregate(GroupKeySelector keys, LongAggregate aggregate, long sliceSize, long offset) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
        this.sliceSize = sliceSize;
        this.offset = offset;
    }

    @Override
    public void open(OpenContext openContext) {
        table = new PartialTable(MAX_PAIRS, aggregate.createAccumulator());
    }

    @Override
    public void addToBundle(Row row, long timestamp, BundleOutput<WindowPartial> out) {
        Object key = keys.getKey(row);
        if (timestamp == Long.MIN_VALUE) {
            // No timestamp: passed on alone, for the window operator to refuse with its message.
            out.collect(new WindowPartial(key, aggregate.add(row, aggregate.createAccumulator())), timestamp);
            return;
        }
        PartialTable table = this.table;
        if (timestamp < sliceStart || timestamp >= sliceEnd) {
            sliceStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, sliceSize);
            sliceEnd = sliceStart + sliceSize;
        }
        long slice = sliceStart;
        int at = table.find(key, slice);
        if (at < 0) {
            if (table.isFull()) {
                finishBundle(out);
                at = table.find(key, slice);
            }
            at = table.add(at, key, slice);
        }
        aggregate.addInto(row, table.accumulators(), table.accumulatorOffset(at));
    }

    @Override
    public void finishBundle(BundleOutput<WindowPartial> out) {
        PartialTable table = this.table;
        int size = table.size();
        for (int at = 0; at < size; at++) {
            out.collect(new WindowPartial(table.keyToSend(at), table.copyOfAccumulator(at)), table.slice(at) + sliceSize - 1);
        }
        table.clear();
    }

    @Override
    public boolean hasBundle() {
        return table != null && table.size() > 0;
    }

    @Override
    public long maxBundleTimeMillis() {
        return MAX_BUNDLE_MILLIS;
    }

    /** Weir runs this function in bundles only; a runtime without bundles has no timestamp to slice by. */
    @Override
    public void flatMap(Row row, Collector<WindowPartial> out) {
        throw new UnsupportedOperationException("LocalWindowAggregate runs on Weir's bundling operator only, which hands it "
                + "each row's timestamp; plan the window aggregate in one phase on other runtimes");
    }
}
