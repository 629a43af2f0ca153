package dev.weir.flink.functions;

/**
 * Flink gives a record emitted to a side output from an element without timestamp the timestamp
 * {@code Long.MIN_VALUE} (its "no timestamp" marker); Weir says "no timestamp" with null. The wrappers translate, so
 * a function sees the same on both engines.
 */
final class Timestamps {
    private Timestamps() {
    }

    static Long toWeir(Long flink) {
        return flink == null || flink == Long.MIN_VALUE ? null : flink;
    }
}
