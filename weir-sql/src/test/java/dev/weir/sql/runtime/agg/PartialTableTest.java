package dev.weir.sql.runtime.agg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local window aggregate's table of pairs: lookups by key and slice, insertion order, one array of accumulators. */
class PartialTableTest {
    private static final long[] INITIAL = {0, 0, Long.MIN_VALUE, 0};

    /** Finds or adds the pair and adds {@code value} to its first slot and 1 to its second; returns the position. */
    private static int bump(PartialTable table, Object key, long slice, long value) {
        int at = table.find(key, slice);
        if (at < 0) {
            at = table.add(at, key, slice);
        }
        int offset = table.accumulatorOffset(at);
        table.accumulators()[offset] += value;
        table.accumulators()[offset + 1]++;
        return at;
    }

    @Test
    void pairsOfTheSameKeyInDifferentSlicesAreApartAndLeaveInTheOrderTheyCame() {
        PartialTable table = new PartialTable(16, INITIAL);
        assertThat(bump(table, 7L, 1000, 5)).isEqualTo(0);
        assertThat(bump(table, 7L, 2000, 6)).isEqualTo(1);
        assertThat(bump(table, 3L, 1000, 1)).isEqualTo(2);
        assertThat(bump(table, 7L, 1000, 10)).isEqualTo(0);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.key(0)).isEqualTo(7L);
        assertThat(table.slice(1)).isEqualTo(2000);
        assertThat(table.copyOfAccumulator(0)).containsExactly(15, 2, Long.MIN_VALUE, 0);
        assertThat(table.copyOfAccumulator(1)).containsExactly(6, 1, Long.MIN_VALUE, 0);
        assertThat(table.copyOfAccumulator(2)).containsExactly(1, 1, Long.MIN_VALUE, 0);
    }

    @Test
    void aCopiedAccumulatorKeepsItsValuesWhenTheTableIsClearedAndReused() {
        PartialTable table = new PartialTable(4, INITIAL);
        bump(table, 1L, 0, 42);
        long[] sent = table.copyOfAccumulator(0);
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.find(1L, 0)).isNegative();
        bump(table, 1L, 0, 1);
        assertThat(sent).containsExactly(42, 1, Long.MIN_VALUE, 0);
        assertThat(table.copyOfAccumulator(0)).containsExactly(1, 1, Long.MIN_VALUE, 0);
    }

    @Test
    void keysOtherThanLongsAreComparedByEqualsAlsoAfterLongKeysCame() {
        PartialTable table = new PartialTable(8, INITIAL);
        bump(table, 1L, 0, 1);
        bump(table, "a", 0, 2);
        bump(table, 1, 0, 3);
        bump(table, new String("a"), 0, 4);
        bump(table, 1L, 0, 5);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.copyOfAccumulator(0)).containsExactly(6, 2, Long.MIN_VALUE, 0);
        assertThat(table.copyOfAccumulator(1)).containsExactly(6, 2, Long.MIN_VALUE, 0);
        assertThat(table.key(2)).isEqualTo(1);
        assertThat(table.copyOfAccumulator(2)).containsExactly(3, 1, Long.MIN_VALUE, 0);
    }

    @Test
    void aFullTableHoldsItsCapacityOfPairsEachFoundAgain() {
        PartialTable table = new PartialTable(1000, INITIAL);
        List<Integer> positions = new ArrayList<>();
        for (long key = 0; key < 500; key++) {
            for (long slice = 0; slice < 2000; slice += 1000) {
                positions.add(bump(table, key * 1_000_003L, slice, key));
            }
        }
        assertThat(table.isFull()).isTrue();
        for (long key = 0; key < 500; key++) {
            for (long slice = 0; slice < 2000; slice += 1000) {
                int at = table.find(key * 1_000_003L, slice);
                assertThat(at).isEqualTo((int) (2 * key + slice / 1000));
                assertThat(table.copyOfAccumulator(at)).containsExactly(key, 1, Long.MIN_VALUE, 0);
            }
        }
        assertThat(positions).hasSize(1000).doesNotHaveDuplicates();
    }
}
