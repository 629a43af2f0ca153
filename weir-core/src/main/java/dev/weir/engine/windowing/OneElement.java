package dev.weir.engine.windowing;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** A reusable iterable of one element: the pre-aggregated result handed to a window function. */
final class OneElement implements Iterable<Object> {
    private Object element;

    OneElement of(Object value) {
        this.element = value;
        return this;
    }

    @Override
    public Iterator<Object> iterator() {
        return new Iterator<>() {
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                done = true;
                return element;
            }
        };
    }

    @Override
    public String toString() {
        return "[" + element + "]";
    }
}
