package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SliceTableTest {

    private static Map<Object, Object> contents(SliceTable table) {
        Map<Object, Object> out = new HashMap<>();
        for (int i = 0; i < table.capacity(); i++) {
            if (table.occupied(i)) {
                out.put(table.key(i), table.value(i));
            }
        }
        return out;
    }

    private static void put(SliceTable table, Object key, Object value) {
        table.setValue(table.slot(key), value);
    }

    @Test
    void longKeysComeBackAsEqualLongsWithTheirValuesAfterGrowing() {
        SliceTable table = new SliceTable();
        for (long k = 0; k < 1_000; k++) {
            put(table, k * 7919, "v" + k);
        }
        assertThat(table.size()).isEqualTo(1_000);
        assertThat(table.slot(7919L * 5)).isEqualTo(table.slot(7919L * 5));
        Map<Object, Object> contents = contents(table);
        assertThat(contents).hasSize(1_000).containsEntry(7919L * 999, "v999").containsEntry(0L, "v0");
    }

    @Test
    void aKeyOfAnotherTypeAfterLongKeysKeepsEveryEntryFindable() {
        SliceTable table = new SliceTable();
        put(table, 1L, "one");
        put(table, 2L, "two");
        put(table, "three", "3");
        put(table, 2L, "TWO");
        put(table, 2, "int two");
        assertThat(contents(table)).containsOnly(Map.entry(1L, "one"), Map.entry(2L, "TWO"),
                Map.entry("three", "3"), Map.entry(2, "int two"));
    }

    @Test
    void slotOfCopiesEntriesBetweenTablesOfEitherMode() {
        SliceTable longs = new SliceTable();
        put(longs, 10L, "a");
        put(longs, 20L, "b");
        SliceTable mixed = new SliceTable();
        put(mixed, "x", "c");
        SliceTable allLongs = new SliceTable();
        for (int i = 0; i < longs.capacity(); i++) {
            if (longs.occupied(i)) {
                mixed.setValue(mixed.slotOf(longs, i), longs.value(i));
                allLongs.setValue(allLongs.slotOf(longs, i), longs.value(i));
            }
        }
        assertThat(contents(mixed)).containsOnly(Map.entry("x", "c"), Map.entry(10L, "a"), Map.entry(20L, "b"));
        assertThat(contents(allLongs)).containsOnly(Map.entry(10L, "a"), Map.entry(20L, "b"));
        allLongs.clear();
        assertThat(allLongs.size()).isZero();
        put(allLongs, "y", "d");
        assertThat(contents(allLongs)).containsOnly(Map.entry("y", "d"));
    }

    @Test
    void entriesKeepTheirSlotsWhileTheTableGrowsAndComeInTheOrderTheirKeysArrived() {
        SliceTable table = new SliceTable();
        int first = table.slot(42L);
        table.setValue(first, "first");
        for (long k = 0; k < 10_000; k++) {
            put(table, k * 31, k);
        }
        put(table, "other", "o");
        assertThat(table.slot(42L)).isEqualTo(first);
        assertThat(table.value(first)).isEqualTo("first");
        assertThat(table.capacity()).isEqualTo(table.size()).isEqualTo(10_002);
        assertThat(table.key(0)).isEqualTo(42L);
        assertThat(table.key(1)).isEqualTo(0L);
        assertThat(table.key(10_000)).isEqualTo(9_999L * 31);
        assertThat(table.key(10_001)).isEqualTo("other");
    }

    @Test
    void aReservedTableTakesThatManyKeysWithoutMovingAndAClearedOneStartsEmptyInLongMode() {
        SliceTable table = new SliceTable(true);
        table.reserve(1_000);
        for (long k = 0; k < 1_000; k++) {
            int slot = table.slot(k);
            table.setValue(slot, k);
            table.setCount(slot, 1);
        }
        assertThat(table.single(999)).isTrue();
        table.clear();
        assertThat(table.isEmpty()).isTrue();
        int slot = table.slot(5L);
        assertThat(slot).isZero();
        assertThat(table.value(slot)).isNull();
        assertThat(table.count(slot)).isZero();
        assertThat(table.key(slot)).isEqualTo(5L);
    }
}
