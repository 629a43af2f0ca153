package dev.weir.streaming.api.windowing.evictors;

import dev.weir.streaming.runtime.operators.windowing.TimestampedValue;
import dev.weir.streaming.api.windowing.windows.Window;
import java.util.Iterator;

/** Keeps at most {@code maxCount} elements: the last ones; evicts before the function unless told otherwise. */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        if (size <= maxCount) {
            return;
        }
        long toEvict = size - maxCount;
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        for (long evicted = 0; evicted < toEvict && it.hasNext(); evicted++) {
            it.next();
            it.remove();
        }
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + ")";
    }
}
