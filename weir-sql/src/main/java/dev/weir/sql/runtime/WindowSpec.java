package dev.weir.sql.runtime;

import java.io.Serializable;

/**
 * The windows of a window table-valued function: TUMBLE (size), HOP (slide, size) or CUMULATE (step, size), each with
 * an offset, or SESSION (its gap as size and slide), in milliseconds. {@link #windowStarts} and {@link #windowEnd} enumerate the windows a timestamp belongs
 * to, as Flink assigns them.
 */
public record WindowSpec(Kind kind, long size, long slide, long offset) implements Serializable {

    /** The window table function. */
    public enum Kind { TUMBLE, HOP, CUMULATE, SESSION }

    /** How many windows contain one timestamp at most. */
    public int maxWindowsPerElement() {
        return kind == Kind.TUMBLE || kind == Kind.SESSION ? 1 : (int) (size / slide);
    }

    /** The start of the first (earliest-ending) window containing {@code ts}. */
    public long firstStart(long ts) {
        long unit = kind == Kind.HOP ? slide : size;
        long last = ts - Math.floorMod(ts - offset, unit);
        return kind == Kind.HOP ? last - size + slide : last;
    }

    /** A human description, as in Flink's plan: {@code TUMBLE(size=[10 s])}. */
    public String describe() {
        switch (kind) {
            case TUMBLE:
                return "TUMBLE(size=[" + seconds(size) + "])";
            case HOP:
                return "HOP(slide=[" + seconds(slide) + "], size=[" + seconds(size) + "])";
            case SESSION:
                return "SESSION(gap=[" + seconds(size) + "])";
            default:
                return "CUMULATE(max_size=[" + seconds(size) + "], step=[" + seconds(slide) + "])";
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
