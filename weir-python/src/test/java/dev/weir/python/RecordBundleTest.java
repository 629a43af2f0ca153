package dev.weir.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordBundleTest {
    @Test
    void holdsNumbersUnboxedUntilAnotherRecordComesThenAllAsValuesInOrder() {
        RecordBundle bundle = new RecordBundle(1);
        bundle.add(1L, 10, 100);
        bundle.add(2L, 20, 100);
        assertThat(bundle.onlyLongs()).isTrue();
        assertThat(Arrays.copyOf(bundle.longs(), bundle.size())).containsExactly(1, 2);
        bundle.add("three", 30, 100);
        bundle.add(4L, 40, 100);
        assertThat(bundle.onlyLongs()).isFalse();
        assertThat(bundle.values()).containsExactly(1L, 2L, "three", 4L);
        assertThat(new long[] {bundle.timestamp(0), bundle.timestamp(1), bundle.timestamp(2), bundle.timestamp(3)})
                .containsExactly(10, 20, 30, 40);
    }

    @Test
    void aClearedBundleStartsUnboxedAgainAndGrowsNoFurtherThanTheBundleSize() {
        RecordBundle bundle = new RecordBundle(2);
        bundle.add("a", 1, 3);
        bundle.add("b", 2, 3);
        bundle.add("c", 3, 3);
        bundle.clear();
        assertThat(bundle.isEmpty()).isTrue();
        assertThat(bundle.onlyLongs()).isFalse(); // empty
        for (long i = 0; i < 3; i++) {
            bundle.add(i, i, 3);
        }
        assertThat(bundle.onlyLongs()).isTrue();
        assertThat(bundle.longs()).hasSize(3);
        assertThat(bundle.value(2)).isEqualTo(2L);
    }

    @Test
    void numbersAddedAsARunAreRecordsInOrderUnboxedOrBoxedAfterAnotherRecord() {
        RecordBundle bundle = new RecordBundle(1);
        bundle.addNumbers(5, 7, 50, 10);
        assertThat(bundle.onlyLongs()).isTrue();
        assertThat(Arrays.copyOf(bundle.longs(), bundle.size())).containsExactly(5, 6, 7);
        bundle.add("x", 60, 10);
        bundle.addNumbers(Long.MAX_VALUE - 1, Long.MAX_VALUE, 70, 10);
        assertThat(bundle.values()).containsExactly(5L, 6L, 7L, "x", Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(new long[] {bundle.timestamp(0), bundle.timestamp(2), bundle.timestamp(3), bundle.timestamp(5)})
                .containsExactly(50, 50, 60, 70);
        assertThat(bundle.longs()).hasSize(6);
    }
}
