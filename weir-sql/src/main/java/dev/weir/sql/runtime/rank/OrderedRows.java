package dev.weir.sql.runtime.rank;

import dev.weir.types.Row;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * A partition's live rows in rank order (rows that sort equal in arrival order), in blocks of at most {@link #BLOCK}
 * rows: an insert or a removal finds its block by a binary search over the blocks' last rows and shifts the rows of
 * that one block, never the partition's; the first rows (the top N) are read where they lie. A retract Top-N keeps one
 * per partition key and changes it in place (a snapshot of heap state copies it; RocksDB stores its fields).
 */
final class OrderedRows {
    /** Rows a block holds at most: a shift moves at most this many references. */
    static final int BLOCK = 64;

    /** The blocks in order; {@code blocks[b][0 .. sizes[b])} are block b's rows, in order too. */
    private Row[][] blocks = new Row[4][];
    private int[] sizes = new int[4];
    private int blockCount;
    private int size;

    int size() {
        return size;
    }

    /** Copies the first {@code count} rows (at most {@link #size()}) into {@code into}. */
    void copyFirst(Row[] into, int count) {
        int copied = 0;
        for (int b = 0; copied < count; b++) {
            int take = Math.min(sizes[b], count - copied);
            System.arraycopy(blocks[b], 0, into, copied, take);
            copied += take;
        }
    }

    /**
     * The index {@link #insert} would give {@code row} (after every row sorting before or equal to it), or {@code limit}
     * when that is {@code limit} or more: the rows before one far down are not counted.
     */
    int insertionIndex(Row row, Comparator<Row> order, int limit) {
        int b = firstBlockEndingAfter(row, order, true);
        if (b == blockCount) {
            return Math.min(size, limit);
        }
        return index(b, search(blocks[b], sizes[b], row, order, true), limit);
    }

    /** Inserts {@code row} after every row sorting before or equal to it. */
    void insert(Row row, Comparator<Row> order) {
        if (blockCount == 0) {
            addBlock(0);
            blocks[0][0] = row;
            sizes[0] = 1;
            size = 1;
            return;
        }
        int b = Math.min(firstBlockEndingAfter(row, order, true), blockCount - 1);
        int at = search(blocks[b], sizes[b], row, order, true);
        if (sizes[b] == BLOCK) {
            split(b);
            if (at > BLOCK / 2) {
                at -= BLOCK / 2;
                b++;
            }
        }
        Row[] block = blocks[b];
        System.arraycopy(block, at, block, at + 1, sizes[b] - at);
        block[at] = row;
        sizes[b]++;
        size++;
    }

    /**
     * The index of the first row (in rank order) with {@code row}'s fields, whatever its kind, or {@code limit} when
     * that is {@code limit} or more; -1 when no row has them.
     */
    int indexOf(Row row, Comparator<Row> order, int limit) {
        long at = locate(row, order);
        return at < 0 ? -1 : index((int) (at >>> 32), (int) at, limit);
    }

    /** Removes the first row (in rank order) with {@code row}'s fields, whatever its kind; false when none has them. */
    boolean remove(Row row, Comparator<Row> order) {
        long at = locate(row, order);
        if (at < 0) {
            return false;
        }
        removeAt((int) (at >>> 32), (int) at);
        return true;
    }

    /** Whether {@code a} and {@code b} hold equal fields (their kinds aside). */
    static boolean sameFields(Row a, Row b) {
        int arity = a.getArity();
        if (arity != b.getArity()) {
            return false;
        }
        for (int i = 0; i < arity; i++) {
            if (!Objects.deepEquals(a.getField(i), b.getField(i))) {
                return false;
            }
        }
        return true;
    }

    /** The block (high 32 bits) and offset (low) of the first row with {@code row}'s fields; -1 when none. */
    private long locate(Row row, Comparator<Row> order) {
        // Rows sorting equal to it start in the first block whose last row does not sort before it.
        int first = firstBlockEndingAfter(row, order, false);
        for (int b = first; b < blockCount; b++) {
            Row[] block = blocks[b];
            for (int i = b == first ? search(block, sizes[b], row, order, false) : 0; i < sizes[b]; i++) {
                if (order.compare(block[i], row) != 0) {
                    return -1; // past the rows sorting equal to it
                }
                if (sameFields(block[i], row)) {
                    return ((long) b << 32) | i;
                }
            }
        }
        return -1;
    }

    /**
     * The first block whose last row sorts after {@code row} ({@code strictly} false: after or equal to it);
     * {@link #blockCount} when there is none.
     */
    private int firstBlockEndingAfter(Row row, Comparator<Row> order, boolean strictly) {
        int low = 0;
        int high = blockCount;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = order.compare(blocks[mid][sizes[mid] - 1], row);
            if (strictly ? c <= 0 : c < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first of {@code count} rows that sorts after {@code row} ({@code strictly} false: after or equal to it). */
    private static int search(Row[] block, int count, Row row, Comparator<Row> order, boolean strictly) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = order.compare(block[mid], row);
            if (strictly ? c <= 0 : c < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index of block {@code block}'s row {@code offset}, or {@code limit} when that is {@code limit} or more. */
    private int index(int block, int offset, int limit) {
        int index = offset;
        for (int b = 0; b < block && index < limit; b++) {
            index += sizes[b];
        }
        return Math.min(index, limit);
    }

    private void removeAt(int b, int i) {
        Row[] block = blocks[b];
        System.arraycopy(block, i + 1, block, i, sizes[b] - i - 1);
        block[--sizes[b]] = null;
        size--;
        if (sizes[b] == 0) {
            dropBlock(b);
        } else if (b + 1 < blockCount && sizes[b] + sizes[b + 1] <= BLOCK / 2) {
            // Neighbours a quarter full become one block, so that blocks stay few as rows come and go.
            System.arraycopy(blocks[b + 1], 0, block, sizes[b], sizes[b + 1]);
            sizes[b] += sizes[b + 1];
            dropBlock(b + 1);
        }
    }

    /** Moves the second half of full block {@code b} into a new block after it. */
    private void split(int b) {
        addBlock(b + 1);
        System.arraycopy(blocks[b], BLOCK / 2, blocks[b + 1], 0, BLOCK / 2);
        Arrays.fill(blocks[b], BLOCK / 2, BLOCK, null);
        sizes[b] = BLOCK / 2;
        sizes[b + 1] = BLOCK / 2;
    }

    private void addBlock(int at) {
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blockCount * 2);
            sizes = Arrays.copyOf(sizes, blockCount * 2);
        }
        System.arraycopy(blocks, at, blocks, at + 1, blockCount - at);
        System.arraycopy(sizes, at, sizes, at + 1, blockCount - at);
        blocks[at] = new Row[BLOCK];
        sizes[at] = 0;
        blockCount++;
    }

    private void dropBlock(int at) {
        System.arraycopy(blocks, at + 1, blocks, at, blockCount - at - 1);
        System.arraycopy(sizes, at + 1, sizes, at, blockCount - at - 1);
        blockCount--;
        blocks[blockCount] = null;
        sizes[blockCount] = 0;
    }
}
