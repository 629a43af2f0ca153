package dev.weir.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * Workload 11a's access pattern on rocksdbjni alone, to decide what could make value-state read-modify-writes cheaper
 * before building it into the backend (issue 19): one random key's get, then a put of the changed value, over 1 M keys
 * of 11a's key and value sizes, in a database with {@code weir-rocksdb}'s options (bloom filter, one shared block cache
 * and write buffer manager, no write-ahead log). Two ways are timed in alternating rounds of the same run, by the
 * thread's CPU time, so the machine's load falls on both alike:
 * <ul>
 *   <li>{@code multiget}: the reads of a bundle of 1,024 keys as one {@code multiGetAsList} before its puts, against
 *       one {@code get} per key;</li>
 *   <li>{@code options}: a second column family with a memtable whole-key bloom filter and the data-block hash index
 *       (RocksDB's point-lookup settings), against weir-rocksdb's options.</li>
 * </ul>
 * {@code java -cp <weir-bench class path> dev.weir.bench.RocksDBPointReadProbe multiget|options [keys] [opsPerRound]}
 */
public final class RocksDBPointReadProbe {
    private static final int BUNDLE = 1024;
    private static final int ROUNDS = 12;

    private RocksDBPointReadProbe() {
    }

    public static void main(String[] args) throws Exception {
        String compare = args.length > 0 ? args[0] : "multiget";
        if (!compare.equals("multiget") && !compare.equals("options")) {
            throw new IllegalArgumentException("first argument must be multiget or options, was '" + compare + "'");
        }
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 100_352;
        RocksDB.loadLibrary();
        Path dir = Files.createTempDirectory("weir-point-read-probe");
        try (LRUCache cache = new LRUCache(256L << 20, -1, false, 0.1);
             WriteBufferManager writeBuffers = new WriteBufferManager(128L << 20, cache);
             DBOptions db = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                     .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL).setStatsDumpPeriodSec(0).setMaxOpenFiles(-1)
                     .setWriteBufferManager(writeBuffers);
             ColumnFamilyOptions weir = columnOptions(cache, false);
             ColumnFamilyOptions pointLookup = columnOptions(cache, true);
             WriteOptions write = new WriteOptions().setDisableWAL(true);
             ReadOptions read = new ReadOptions()) {
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (RocksDB rocks = RocksDB.open(db, dir.resolve("db").toString(),
                    List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, weir)), handles)) {
                ColumnFamilyHandle[] columns = {rocks.createColumnFamily(new ColumnFamilyDescriptor("weir".getBytes(), weir)),
                        rocks.createColumnFamily(new ColumnFamilyDescriptor("point-lookup".getBytes(), pointLookup))};
                int used = compare.equals("options") ? 2 : 1;
                for (int c = 0; c < used; c++) {
                    for (int k = 0; k < keys; k++) {
                        rocks.put(columns[c], write, key(k), new byte[30]);
                    }
                    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                        rocks.flush(flush, columns[c]);
                    }
                }
                run(rocks, columns, compare, keys, ops, read, write);
                for (ColumnFamilyHandle c : columns) {
                    c.close();
                }
                handles.forEach(ColumnFamilyHandle::close);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(RocksDB rocks, ColumnFamilyHandle[] columns, String compare, int keys, int ops, ReadOptions read,
                            WriteOptions write) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Random random = new Random(42);
        byte[][] bundle = new byte[BUNDLE][];
        long[] cpu = new long[2];
        for (int round = 0; round < ROUNDS; round++) {
            int way = round % 2;
            ColumnFamilyHandle column = compare.equals("options") ? columns[way] : columns[0];
            List<ColumnFamilyHandle> bundleColumns = Collections.nCopies(BUNDLE, column);
            long start = threads.getCurrentThreadCpuTime();
            for (int done = 0; done < ops; done += BUNDLE) {
                for (int i = 0; i < BUNDLE; i++) {
                    bundle[i] = key(random.nextInt(keys));
                }
                List<byte[]> prefetched = compare.equals("multiget") && way == 1
                        ? rocks.multiGetAsList(read, bundleColumns, Arrays.asList(bundle)) : null;
                for (int i = 0; i < BUNDLE; i++) {
                    byte[] value = prefetched != null ? prefetched.get(i) : rocks.get(column, read, bundle[i]);
                    byte[] changed = value.clone();
                    changed[0]++;
                    rocks.put(column, write, bundle[i], changed);
                }
            }
            long nanos = threads.getCurrentThreadCpuTime() - start;
            if (round >= 2) {
                cpu[way] += nanos;
            }
            System.out.printf("round %2d %-24s %,8.0f ns CPU per read-modify-write%n", round, name(compare, way),
                    nanos / (double) ops);
        }
        System.out.printf("%s / %s, rounds 2-%d: %.3f%n", name(compare, 1), name(compare, 0), ROUNDS - 1,
                cpu[1] / (double) cpu[0]);
    }

    private static String name(String compare, int way) {
        if (compare.equals("multiget")) {
            return way == 0 ? "get per key" : "multiGet per 1,024 keys";
        }
        return way == 0 ? "weir-rocksdb's options" : "point-lookup options";
    }

    private static ColumnFamilyOptions columnOptions(LRUCache cache, boolean pointLookup) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)).setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true).setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        ColumnFamilyOptions options = new ColumnFamilyOptions().setMergeOperator(new StringAppendOperator(""));
        if (pointLookup) {
            table.setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash).setDataBlockHashTableUtilRatio(0.75);
            options.setMemtablePrefixBloomSizeRatio(0.1).setMemtableWholeKeyFiltering(true);
        }
        return options.setTableFormatConfig(table);
    }

    /** 11a's RocksDB key: key group, key length, a serialized long key (9 bytes), namespace length (void namespace). */
    private static byte[] key(int k) {
        byte[] key = new byte[19];
        int keyGroup = k % 128;
        key[0] = (byte) (keyGroup >>> 8);
        key[1] = (byte) keyGroup;
        key[5] = 9;
        key[6] = 1;
        for (int b = 0; b < 8; b++) {
            key[7 + b] = (byte) (k >>> (8 * b));
        }
        return key;
    }
}
