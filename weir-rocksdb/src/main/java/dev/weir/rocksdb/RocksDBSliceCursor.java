package dev.weir.rocksdb;

import dev.weir.engine.state.SlicedKeyedState;

/**
 * Reads several slices of a {@link RocksDBSlicedState} key by key: one {@link SliceRun} per slice (from the heap when
 * the slice cache holds it whole, else from RocksDB), each in key order, merged, so a key found in several slices
 * comes out once with each slice's value. Holds one key at a time.
 */
final class RocksDBSliceCursor implements SlicedKeyedState.Cursor {
    private final SliceRun[] runs;
    private final Object[] values;
    private final boolean[] matched;
    private Object key;

    /** {@code runs[i]} reads the {@code i}-th slice; null when that slice holds nothing. */
    RocksDBSliceCursor(SliceRun[] runs) {
        this.runs = runs;
        this.values = new Object[runs.length];
        this.matched = new boolean[runs.length];
    }

    @Override
    public boolean next() {
        SliceRun least = null;
        for (SliceRun run : runs) {
            if (run != null && run.valid() && (least == null || SliceRun.compare(run, least) < 0)) {
                least = run;
            }
        }
        if (least == null) {
            return false;
        }
        // Which runs hold the key, found before any moves (the least run's key bytes are its iterator's until it moves);
        // a cached run's key object is taken rather than decoding one from RocksDB.
        Object found = null;
        for (int i = 0; i < runs.length; i++) {
            SliceRun run = runs[i];
            matched[i] = run != null && run.valid() && (run == least || SliceRun.compare(run, least) == 0);
            values[i] = matched[i] ? run.value() : null;
            if (matched[i] && found == null && run instanceof SliceRun.Cached) {
                found = run.key();
            }
        }
        key = found != null ? found : least.key();
        for (int i = 0; i < runs.length; i++) {
            if (matched[i]) {
                runs[i].next();
            }
        }
        return true;
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public Object value(int index) {
        return values[index];
    }

    @Override
    public void close() {
        for (SliceRun run : runs) {
            if (run != null) {
                run.close();
            }
        }
    }
}
