package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The write-back cache's flush order: every dirty entry once, in key order where keys differ in a few positions. */
class FlushOrderTest {
    /** Entry e's key at arena[fields[2e], + fields[2e + 1]). */
    private static final int STRIDE = 2;

    private final byte[] arena = new byte[1 << 16];
    private final int[] fields = new int[2 * 1000];
    private int top;

    private void key(int e, byte[] key) {
        System.arraycopy(key, 0, arena, top, key.length);
        fields[STRIDE * e] = top;
        fields[STRIDE * e + 1] = key.length;
        top += key.length;
    }

    private byte[] keyOf(int e) {
        return Arrays.copyOfRange(arena, fields[STRIDE * e], fields[STRIDE * e] + fields[STRIDE * e + 1]);
    }

    @Test
    void keysLaidOutAsStateKeysComeOutInRocksDBsBytewiseOrder() {
        // [key group: 2][length: 4][key: 4 bytes, two of them varying][namespace length: 4], as StateKeys writes them.
        Random random = new Random(7);
        int n = 500;
        int[] entries = new int[n];
        for (int e = 0; e < n; e++) {
            byte[] key = new byte[14];
            key[1] = (byte) random.nextInt(128);
            key[5] = 4;
            key[6] = (byte) 0xFF;
            key[7] = (byte) random.nextInt(256);
            key[8] = (byte) random.nextInt(256);
            key(e, key);
            entries[e] = e;
        }

        new FlushOrder().sort(entries, n, fields, STRIDE, 0, 1, arena);

        for (int i = 1; i < n; i++) {
            assertThat(Arrays.compareUnsigned(keyOf(entries[i - 1]), keyOf(entries[i]))).isLessThanOrEqualTo(0);
        }
        assertThat(Arrays.stream(entries).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, n).toArray());
    }

    @Test
    void keysOfAnyLengthsAndContentsComeOutEachExactlyOnceAndSortedByTheirFirstVaryingBytes() {
        Random random = new Random(11);
        int n = 1000;
        int[] entries = new int[n];
        for (int e = 0; e < n; e++) {
            byte[] key = new byte[1 + random.nextInt(40)];
            random.nextBytes(key);
            key(e, key);
            entries[n - 1 - e] = e;
        }

        new FlushOrder().sort(entries, n, fields, STRIDE, 0, 1, arena);

        assertThat(Arrays.stream(entries).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, n).toArray());
        // Random keys differ at their very first byte positions, so the first five bytes are what is compared.
        for (int i = 1; i < n; i++) {
            byte[] before = Arrays.copyOf(keyOf(entries[i - 1]), FlushOrder.PREFIX_BYTES);
            byte[] after = Arrays.copyOf(keyOf(entries[i]), FlushOrder.PREFIX_BYTES);
            assertThat(Arrays.compareUnsigned(before, after)).isLessThanOrEqualTo(0);
        }
    }
}
