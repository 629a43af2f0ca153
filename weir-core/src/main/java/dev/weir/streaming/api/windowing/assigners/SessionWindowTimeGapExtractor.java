package dev.weir.streaming.api.windowing.assigners;

import java.io.Serializable;

/** Gives the session gap, in milliseconds, that an element opens; for dynamic session windows. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    long extract(T element);
}
