package dev.weir.flink.functions;

import dev.weir.metrics.MetricGroup;
import java.util.Iterator;
import java.util.Objects;
import org.apache.flink.streaming.api.windowing.evictors.Evictor;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.streaming.runtime.operators.windowing.TimestampedValue;

/**
 * Runs a Weir evictor (Weir's {@code CountEvictor}, {@code TimeEvictor}, {@code DeltaEvictor} or a user's) as a
 * Flink evictor: Flink's evicting window operator hands it the window's buffered elements, seen here as Weir's
 * {@code TimestampedValue}s, and an element the Weir evictor removes through the iterator is removed from Flink's
 * buffer. Both engines call evictors with the same elements in arrival order, so they evict the same ones.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirEvictor implements Evictor<Object, Window> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.streaming.api.windowing.evictors.Evictor weir;
    private transient ContextAdapter context;

    public WeirEvictor(dev.weir.streaming.api.windowing.evictors.Evictor<?, ?> weir) {
        this.weir = Objects.requireNonNull(weir, "weir");
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, Window window, EvictorContext ctx) {
        weir.evictBefore(new WeirElements(elements), size, WeirWindowFunction.toWeir(window), context(ctx));
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, Window window, EvictorContext ctx) {
        weir.evictAfter(new WeirElements(elements), size, WeirWindowFunction.toWeir(window), context(ctx));
    }

    private ContextAdapter context(EvictorContext flink) {
        if (context == null) {
            context = new ContextAdapter();
        }
        context.flink = flink;
        return context;
    }

    @Override
    public String toString() {
        return "WeirEvictor(" + weir + ")";
    }

    /** Flink's buffered window elements as Weir's; each iteration is a fresh pass over Flink's, as evictors expect. */
    private record WeirElements(Iterable<TimestampedValue<Object>> flink)
            implements Iterable<dev.weir.streaming.runtime.operators.windowing.TimestampedValue<Object>> {
        @Override
        public Iterator<dev.weir.streaming.runtime.operators.windowing.TimestampedValue<Object>> iterator() {
            Iterator<TimestampedValue<Object>> elements = flink.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return elements.hasNext();
                }

                @Override
                public dev.weir.streaming.runtime.operators.windowing.TimestampedValue<Object> next() {
                    TimestampedValue<Object> element = elements.next();
                    return element.hasTimestamp()
                            ? new dev.weir.streaming.runtime.operators.windowing.TimestampedValue<>(element.getValue(), element.getTimestamp())
                            : new dev.weir.streaming.runtime.operators.windowing.TimestampedValue<>(element.getValue());
                }

                /** Removes the element from Flink's window buffer: that is how an evictor evicts. */
                @Override
                public void remove() {
                    elements.remove();
                }
            };
        }
    }

    /** Flink's evictor context as Weir's, re-aimed per call. */
    private static final class ContextAdapter implements dev.weir.streaming.api.windowing.evictors.Evictor.EvictorContext {
        EvictorContext flink;

        @Override
        public long getCurrentProcessingTime() {
            return flink.getCurrentProcessingTime();
        }

        @Override
        public MetricGroup getMetricGroup() {
            return new FlinkMetricGroup(flink.getMetricGroup());
        }

        @Override
        public long getCurrentWatermark() {
            return flink.getCurrentWatermark();
        }
    }
}
