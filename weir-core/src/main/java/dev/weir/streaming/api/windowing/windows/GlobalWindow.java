package dev.weir.streaming.api.windowing.windows;

import java.io.Serializable;

/** The single window that holds every element of a key, used by {@code GlobalWindows} and count windows. */
public final class GlobalWindow extends Window implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {
    }

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
