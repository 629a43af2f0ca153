package dev.weir.engine.windowing;

import dev.weir.streaming.runtime.operators.windowing.TimestampedValue;
import java.util.Iterator;
import java.util.List;

/** The values of a window's timestamped elements, as the window function of an evicting window sees them. */
final class ValuesView implements Iterable<Object> {
    private List<TimestampedValue<Object>> elements;

    ValuesView of(List<TimestampedValue<Object>> elements) {
        this.elements = elements;
        return this;
    }

    @Override
    public Iterator<Object> iterator() {
        Iterator<TimestampedValue<Object>> it = elements.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                return it.next().getValue();
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(elements.get(i).getValue());
        }
        return sb.append(']').toString();
    }
}
