package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateMapTest {

    /** A key whose hash code collides with every other one: probes must compare by equals. */
    record Colliding(int id) {
        @Override
        public int hashCode() {
            return 7;
        }
    }

    private static Map<Object, Object> contents(StateMap map) {
        Map<Object, Object> out = new HashMap<>();
        for (int i = 0; i < map.capacity(); i++) {
            if (map.keyAt(i) != null) {
                out.put(map.keyAt(i), map.valueAt(i));
            }
        }
        return out;
    }

    private static void assertSameAsModel(long seed, java.util.function.IntFunction<Object> keyOf) {
        Random random = new Random(seed);
        StateMap map = new StateMap();
        Map<Object, Object> model = new HashMap<>();
        for (int op = 0; op < 20_000; op++) {
            Object key = keyOf.apply(random.nextInt(300));
            switch (random.nextInt(3)) {
                case 0, 1 -> {
                    map.put(key, op);
                    model.put(key, op);
                }
                default -> {
                    map.remove(key);
                    model.remove(key);
                }
            }
            assertThat(map.get(key)).isEqualTo(model.get(key));
        }
        assertThat(map.size()).isEqualTo(model.size());
        assertThat(contents(map)).isEqualTo(model);
        for (Object key : model.keySet()) {
            assertThat(map.get(key)).isEqualTo(model.get(key));
        }
    }

    @Test
    void longKeysBehaveAsAHashMapThroughPutsAndRemovals() {
        assertSameAsModel(1, i -> (long) i * 1_000_003L);
    }

    @Test
    void keysWithCollidingHashCodesStayFindableAfterRemovalsInTheMiddleOfTheirProbeRun() {
        assertSameAsModel(2, Colliding::new);
    }

    @Test
    void aMapThatStartsWithLongKeysAndThenGetsOtherKeysComparesThemByEquals() {
        assertSameAsModel(3, i -> i % 2 == 0 ? (Object) (long) i : "k" + i);
    }

    /**
     * The map remembers its last lookup by the key object's identity: reusing one key object for a read and then a
     * write or removal (as a keyed function does) must see every change made meanwhile through an equal key object.
     */
    @Test
    void aKeyObjectReusedAcrossLookupsSeesChangesMadeThroughAnEqualKeyObject() {
        Random random = new Random(4);
        Object[][] twins = new Object[300][];
        for (int i = 0; i < twins.length; i++) {
            long value = 1_000L + i * 7_919L;
            twins[i] = new Object[] {Long.valueOf(value), Long.valueOf(value)};
        }
        StateMap map = new StateMap();
        Map<Object, Object> model = new HashMap<>();
        for (int op = 0; op < 50_000; op++) {
            Object key = twins[random.nextInt(twins.length)][random.nextInt(2)];
            assertThat(map.get(key)).isEqualTo(model.get(key));
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    map.put(key, op);
                    model.put(key, op);
                }
                case 2 -> {
                    map.remove(key);
                    model.remove(key);
                }
                default -> {
                    // A lookup of another key in between: the next access of this one must probe again.
                    Object other = twins[random.nextInt(twins.length)][random.nextInt(2)];
                    assertThat(map.get(other)).isEqualTo(model.get(other));
                }
            }
            assertThat(map.get(key)).isEqualTo(model.get(key));
        }
        assertThat(map.size()).isEqualTo(model.size());
        assertThat(contents(map)).isEqualTo(model);
    }

    /** value() then update(v) with the same object, as a keyed function does, then with another object and a removal. */
    @Test
    void writingBackTheObjectAKeyHoldsKeepsItAndAnotherObjectReplacesIt() {
        StateMap map = new StateMap();
        Long key = 42L;
        StringBuilder first = new StringBuilder("first");
        map.put(key, first);
        Object read = map.get(key);
        ((StringBuilder) read).append(" changed");
        map.put(key, read);
        assertThat(map.get(Long.valueOf(42L))).isSameAs(first).hasToString("first changed");
        StringBuilder second = new StringBuilder("second");
        map.put(key, second);
        assertThat(map.get(Long.valueOf(42L))).isSameAs(second);
        map.put(Long.valueOf(42L), second);
        map.remove(key);
        assertThat(map.get(key)).isNull();
        assertThat(map.size()).isZero();
    }

    @Test
    void aLongKeyIsNotFoundByAnEqualIntegerKey() {
        StateMap map = new StateMap();
        map.put(5L, "long");
        map.put(5, "int");
        assertThat(map.get(5L)).isEqualTo("long");
        assertThat(map.get(5)).isEqualTo("int");
        map.remove(5L);
        assertThat(map.get(5L)).isNull();
        assertThat(map.get(5)).isEqualTo("int");
    }

    /**
     * While every key is a Long the map keeps no hashes; the first other key makes it keep them for every entry, and
     * emptying it returns to the Long-only form. Entries must stay findable through both changes and the growth after.
     */
    @Test
    void entriesStayFindableWhenTheMapLeavesAndReentersItsLongOnlyForm() {
        StateMap map = new StateMap();
        for (long k = 0; k < 40; k++) {
            map.put(k * 1_000_003L, "v" + k);
        }
        map.put("text", "t");
        for (long k = 40; k < 200; k++) {
            map.put(k * 1_000_003L, "v" + k);
        }
        for (long k = 0; k < 200; k += 2) {
            map.remove(k * 1_000_003L);
        }
        assertThat(map.get("text")).isEqualTo("t");
        for (long k = 0; k < 200; k++) {
            assertThat(map.get(k * 1_000_003L)).isEqualTo(k % 2 == 0 ? null : "v" + k);
        }
        map.remove("text");
        for (long k = 1; k < 200; k += 2) {
            map.remove(k * 1_000_003L);
        }
        assertThat(map.isEmpty()).isTrue();
        map.put(7L, "seven");
        map.put(8, "eight");
        assertThat(map.get(7L)).isEqualTo("seven");
        assertThat(map.get(8)).isEqualTo("eight");
        assertThat(map.get(8L)).isNull();
        assertThat(contents(map)).isEqualTo(Map.of(7L, "seven", 8, "eight"));
    }
    /**
     * A write finds its slot through the map's memory of the last lookup (a {@code Long} key by its value, another key
     * by identity): reads, insertions and removals of other keys, of either kind, in between must never let a write
     * land in a slot that another key took meanwhile, also while the map leaves and re-enters its Long-only form.
     */
    @Test
    void aWriteAfterLookupsOfOtherKindsOfKeysLandsInItsOwnKeysSlot() {
        Random random = new Random(5);
        Object[] sameObjects = {7L, 8, 9L, 10, 11L};
        StateMap map = new StateMap();
        Map<Object, Object> model = new HashMap<>();
        for (int op = 0; op < 50_000; op++) {
            int k = random.nextInt(sameObjects.length);
            // Half the time an equal but new key object, as a key selector boxing a field gives.
            Object key = random.nextBoolean() ? sameObjects[k] : (k % 2 == 0 ? (Object) Long.valueOf(7L + k) : (Object) Integer.valueOf(7 + k));
            switch (random.nextInt(4)) {
                case 0 -> assertThat(map.get(key)).isEqualTo(model.get(key));
                case 1, 2 -> {
                    map.put(key, op);
                    model.put(key, op);
                }
                default -> {
                    map.remove(key);
                    model.remove(key);
                }
            }
            assertThat(contents(map)).isEqualTo(model);
        }
    }
}
