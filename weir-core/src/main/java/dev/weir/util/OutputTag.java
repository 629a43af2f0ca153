package dev.weir.util;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output. Both Flink styles work: the anonymous subclass {@code new OutputTag<String>("late"){}}
 * and the explicit-type form {@code new OutputTag<>("late", Types.STRING)}. Weir needs no type information;
 * tags are equal when their ids are equal.
 */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;

    public OutputTag(String id) {
        this.id = requireId(id);
    }

    /** The explicit-type form; the type argument is accepted for Flink compatibility and not needed. */
    public OutputTag(String id, Object typeInfo) {
        this.id = requireId(id);
    }

    private static String requireId(String id) {
        Objects.requireNonNull(id, "OutputTag id must not be null");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("OutputTag id must not be empty: give the side output a name");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag && ((OutputTag<?>) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
