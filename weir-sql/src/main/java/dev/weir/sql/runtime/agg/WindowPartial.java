package dev.weir.sql.runtime.agg;

import dev.weir.api.java.functions.KeySelector;

/**
 * What {@link LocalWindowAggregate} sends to the window operator for one grouping key and one slice of event time: the
 * key (as the window aggregate's {@code GroupKeySelector} makes it) and the {@link LongAggregate} accumulator of the
 * rows it took. Its record timestamp is the slice's last millisecond, so the window operator assigns it the slice's
 * windows.
 */
public final class WindowPartial {
    private final Object key;
    private final long[] accumulator;

    WindowPartial(Object key, long[] accumulator) {
        this.key = key;
        this.accumulator = accumulator;
    }

    /** The grouping key of the rows aggregated. */
    public Object key() {
        return key;
    }

    /** The partial accumulator, owned by whoever receives the partial. */
    long[] accumulator() {
        return accumulator;
    }

    /** Keys a stream of partials by their grouping key, so that they meet their key's state. */
    public static final class Key implements KeySelector<WindowPartial, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getKey(WindowPartial partial) {
            return partial.key;
        }
    }
}
