package dev.weir.streaming.api.windowing.evictors;

import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.runtime.operators.windowing.TimestampedValue;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

/**
 * Keeps the elements within {@code windowSize} of the window's newest element timestamp: evicts those at or before
 * {@code max timestamp - windowSize}. Elements without timestamps are never evicted.
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(Objects.requireNonNull(windowSize, "windowSize").toMillis(), false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(Objects.requireNonNull(windowSize, "windowSize").toMillis(), doEvictAfter);
    }

    public static <W extends Window> TimeEvictor<W> of(Time windowSize) {
        return new TimeEvictor<>(Objects.requireNonNull(windowSize, "windowSize").toMilliseconds(), false);
    }

    public static <W extends Window> TimeEvictor<W> of(Time windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(Objects.requireNonNull(windowSize, "windowSize").toMilliseconds(), doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        Iterator<TimestampedValue<Object>> first = elements.iterator();
        if (!first.hasNext() || !first.next().hasTimestamp()) {
            return;
        }
        long maxTimestamp = Long.MIN_VALUE;
        for (TimestampedValue<Object> element : elements) {
            maxTimestamp = Math.max(maxTimestamp, element.getTimestamp());
        }
        long evictCutoff = maxTimestamp - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().getTimestamp() <= evictCutoff) {
                it.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + ")";
    }
}
