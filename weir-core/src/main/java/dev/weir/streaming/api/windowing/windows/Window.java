package dev.weir.streaming.api.windowing.windows;

/** A group of elements that a window function sees together; every window ends at {@link #maxTimestamp()}. */
public abstract class Window {
    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
