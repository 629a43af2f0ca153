package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows can merge, like session windows. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Reports, through {@code callback}, each group of {@code windows} that merges into one. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives one merge: the windows merged and the window they became. */
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
