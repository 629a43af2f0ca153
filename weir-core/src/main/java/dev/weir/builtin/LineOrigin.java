package dev.weir.builtin;

/**
 * Where the line a Weir text-file reader is emitting comes from, for a function chained to the source that cannot read
 * it (a csv or json row format) to name its file and line in the error. The reader makes itself the current origin of
 * its thread for the length of each {@code pollNext}, during which the chained functions run by direct call; asking
 * costs nothing until a line fails. Weir-only.
 */
public abstract class LineOrigin {
    private static final ThreadLocal<LineOrigin> CURRENT = new ThreadLocal<>();

    /** {@code file /data/part-0.json, line 3} for the line being emitted on this thread, or null outside a reader's poll. */
    public static String current() {
        LineOrigin origin = CURRENT.get();
        return origin == null ? null : origin.describe();
    }

    /** Makes {@code origin} (null: none) the current origin of this thread; readers call this around each poll. */
    public static void set(LineOrigin origin) {
        CURRENT.set(origin);
    }

    /** The file and 1-based line number of the line being emitted, as {@code file <path>, line <n>}. */
    protected abstract String describe();
}
