package dev.weir.engine.state;

import dev.weir.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ListState} whose elements expire one by one, each after the time to live since it was added (or last
 * read, by the config), as in Flink. Stored as an {@code ArrayList} of {@link TtlValue}; {@link #get()} returns a
 * fresh list of the visible elements and drops the expired ones from the state.
 */
final class TtlListState<N, T> extends AbstractTtlState<N> implements ListState<T> {
    TtlListState(StateTable table, TtlPolicy ttl) {
        super(table, ttl);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        ArrayList<TtlValue> stored = (ArrayList<TtlValue>) table.get(currentNamespace);
        if (stored == null) {
            return Collections.emptyList();
        }
        long now = ttl.now();
        List<T> visible = new ArrayList<>(stored.size());
        ArrayList<TtlValue> kept = new ArrayList<>(stored.size());
        for (int i = 0, n = stored.size(); i < n; i++) {
            TtlValue element = stored.get(i);
            if (ttl.isExpired(element, now)) {
                if (ttl.returnExpired()) {
                    visible.add((T) element.getUserValue());
                }
            } else {
                visible.add((T) element.getUserValue());
                kept.add(ttl.refreshOnRead() ? ttl.wrap(element.getUserValue(), now) : element);
            }
        }
        if (kept.isEmpty()) {
            table.remove(currentNamespace);
        } else {
            table.put(currentNamespace, kept);
        }
        return visible.isEmpty() ? Collections.emptyList() : visible;
    }

    @Override
    public void add(T value) {
        ListElements.requireNonNullElement(value, getName(), "add");
        storedList().add(ttl.wrap(value, ttl.now()));
    }

    /** Replaces the list, every element with a fresh time to live; null or an empty list clears, as in Flink. */
    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "update");
        table.put(currentNamespace, wrapAll(values, new ArrayList<>(values.size())));
    }

    /** Appends {@code values}; null or an empty list changes nothing, as in Flink. */
    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        ListElements.requireNoNullElements(values, getName(), "addAll");
        wrapAll(values, storedList());
    }

    @SuppressWarnings("unchecked")
    private ArrayList<TtlValue> storedList() {
        ArrayList<TtlValue> list = (ArrayList<TtlValue>) table.get(currentNamespace);
        if (list == null) {
            list = new ArrayList<>();
            table.put(currentNamespace, list);
        }
        return list;
    }

    private ArrayList<TtlValue> wrapAll(List<T> values, ArrayList<TtlValue> target) {
        long now = ttl.now();
        for (T value : values) {
            target.add(ttl.wrap(value, now));
        }
        return target;
    }
}
