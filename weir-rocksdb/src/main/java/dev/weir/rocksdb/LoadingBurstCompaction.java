package dev.weir.rocksdb;

import java.util.IdentityHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Merges a column family's sorted runs into one inside the checkpoint in which its files doubled, so the merge
 * universal compaction would otherwise run after a loading burst (and upload, whole, with a later checkpoint) is paid
 * by a checkpoint that uploads much of the state anyway. A loading burst leaves many runs of new keys; the first small
 * change after it brought their number to the compaction trigger and rewrote much of the state: the probe's
 * incremental checkpoint after loading plus 1,000 events wrote 7.3 MB of a 7.3 MB state in an idle run and 0.4-3.2 MB
 * of 5.8-6.8 MB in five loaded ones (docs/state-backends.md, "The first incremental checkpoint after loading").
 *
 * <p>A column merges when its files grew to more than {@link #GROWTH} times what they were after the last merge and
 * lie in two runs or more; a column in one run counts as merged as it is. While the state grows the merges fall at each
 * doubling, in the checkpoints that upload the growth, so they rewrite about twice the state in all; a steady stream
 * of small changes never merges here (universal compaction keeps those small). An earlier rule merged only in a
 * checkpoint that flushed little (the burst over): when the burst ended inside a checkpoint interval, that was a later
 * checkpoint with little or no change, which then uploaded the whole state again (branch ri). Used by the task's
 * thread only.
 */
final class LoadingBurstCompaction {
    /** How many times its size after the last merge a column must have grown to count as loaded. */
    static final int GROWTH = 2;
    private static final int LEVELS = 7;

    /** The live SST bytes of each column after its last merge here (absent: never merged, 0). */
    private final Map<ColumnFamilyHandle, Long> merged = new IdentityHashMap<>();

    /** Called after the checkpoint's flush of {@code column}: merges its runs into one if its files doubled. Returns whether it merged. */
    boolean afterFlush(RocksDB db, ColumnFamilyHandle column) throws RocksDBException {
        long files = db.getLongProperty(column, "rocksdb.live-sst-files-size");
        long before = merged.getOrDefault(column, 0L);
        if (files < before) {
            // Deletes or compaction shrank the column: growth counts from here.
            merged.put(column, files);
            return false;
        }
        if (files <= GROWTH * before) {
            return false;
        }
        if (sortedRuns(db, column) < 2) {
            // Loaded in one flush: nothing to merge, and a later merge would rewrite what this checkpoint stores.
            merged.put(column, files);
            return false;
        }
        db.compactRange(column);
        merged.put(column, db.getLongProperty(column, "rocksdb.live-sst-files-size"));
        return true;
    }

    /** Counts {@code column}'s growth from its present size, as if just merged (a restored column). */
    void mergedAsItIs(RocksDB db, ColumnFamilyHandle column) throws RocksDBException {
        merged.put(column, db.getLongProperty(column, "rocksdb.live-sst-files-size"));
    }

    /** Forgets a dropped column. */
    void forget(ColumnFamilyHandle column) {
        merged.remove(column);
    }

    /** Forgets every column (the database was replaced). */
    void forgetAll() {
        merged.clear();
    }

    /** Universal compaction's sorted runs: each level-0 file, and each other level that holds files. */
    static int sortedRuns(RocksDB db, ColumnFamilyHandle column) throws RocksDBException {
        // A string property (RocksDB has no integer form of it).
        int runs = Integer.parseInt(db.getProperty(column, "rocksdb.num-files-at-level0").trim());
        for (int level = 1; level < LEVELS; level++) {
            if (!db.getProperty(column, "rocksdb.num-files-at-level" + level).trim().equals("0")) {
                runs++;
            }
        }
        return runs;
    }
}
