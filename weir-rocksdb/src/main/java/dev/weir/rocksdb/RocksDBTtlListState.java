package dev.weir.rocksdb;

import dev.weir.api.common.state.ListState;
import dev.weir.engine.state.ListElements;
import dev.weir.engine.state.TtlPolicy;
import dev.weir.engine.state.TtlValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A {@link ListState} in RocksDB whose elements expire one by one, as on the heap: each element is stored as a
 * {@link TtlValue} ({@link ListBytes} layout, appended by merge); {@link #get()} returns a fresh list of the visible
 * elements and writes back the list without the expired ones (and with refreshed times, by the config).
 */
final class RocksDBTtlListState<N, T> extends AbstractRocksDBState<N> implements ListState<T> {
    private final TtlPolicy ttl;

    RocksDBTtlListState(RocksDBStateAccess access, ColumnFamilyHandle column, String name, TtlPolicy ttl) {
        super(access, column, name);
        this.ttl = ttl;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        byte[] stored = access.get(column, currentKey(), getName());
        if (stored == null) {
            return Collections.emptyList();
        }
        long now = ttl.now();
        List<T> visible = new ArrayList<>();
        List<TtlValue> kept = new ArrayList<>();
        boolean changed = false;
        for (Iterator<Object> it = ListBytes.lazily(access.serializer(), stored).iterator(); it.hasNext(); ) {
            TtlValue element = (TtlValue) it.next();
            if (ttl.isExpired(element, now)) {
                changed = true;
                if (ttl.returnExpired()) {
                    visible.add((T) element.getUserValue());
                }
            } else {
                visible.add((T) element.getUserValue());
                kept.add(ttl.refreshOnRead() ? ttl.wrap(element.getUserValue(), now) : element);
                changed |= ttl.refreshOnRead();
            }
        }
        if (kept.isEmpty()) {
            clear();
        } else if (changed) {
            access.put(column, currentKey(), ListBytes.elements(access.serializer(), kept), getName());
        }
        return visible.isEmpty() ? Collections.emptyList() : visible;
    }

    @Override
    public void add(T value) {
        ListElements.requireNonNullElement(value, getName(), "add");
        access.merge(column, currentKey(), ListBytes.element(access.serializer(), ttl.wrap(value, ttl.now())), getName());
    }

    /** Replaces the list, every element with a fresh time to live; null or an empty list clears, as in Flink. */
    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "update");
        access.put(column, currentKey(), ListBytes.elements(access.serializer(), wrapAll(values)), getName());
    }

    /** Appends {@code values}; null or an empty list changes nothing, as in Flink. */
    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "addAll");
        access.merge(column, currentKey(), ListBytes.elements(access.serializer(), wrapAll(values)), getName());
    }

    private List<TtlValue> wrapAll(List<T> values) {
        long now = ttl.now();
        List<TtlValue> wrapped = new ArrayList<>(values.size());
        for (T value : values) {
            wrapped.add(ttl.wrap(value, now));
        }
        return wrapped;
    }
}
