package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingState;
import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every keyed state backend shares, run against each one (the heap here, RocksDB in weir-rocksdb) with
 * the same assertions: the same results and the same error messages, whatever the backend.
 */
public abstract class KeyedStateBackendContractTest {
    private final List<CheckpointableKeyedStateBackend> created = new ArrayList<>();
    private final CheckpointableKeyedStateBackend backend = newBackend(128, KeyGroupRange.of(0, 127));

    /** A new, empty backend of the kind under test. */
    protected abstract CheckpointableKeyedStateBackend create(int maxParallelism, KeyGroupRange range) throws Exception;

    protected final CheckpointableKeyedStateBackend newBackend(int maxParallelism, KeyGroupRange range) {
        try {
            CheckpointableKeyedStateBackend b = create(maxParallelism, range);
            created.add(b);
            return b;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeBackends() {
        for (CheckpointableKeyedStateBackend b : created) {
            b.close();
        }
    }

    @Test
    void valueStateIsIsolatedPerKey() throws Exception {
        ValueState<Integer> count = backend.getOrCreateState(new ValueStateDescriptor<>("count", Integer.class));
        backend.setCurrentKey("a");
        count.update(1);
        backend.setCurrentKey("b");
        assertThat(count.value()).isNull();
        count.update(2);
        backend.setCurrentKey("a");
        assertThat(count.value()).isEqualTo(1);
        backend.setCurrentKey("b");
        assertThat(count.value()).isEqualTo(2);
    }

    @Test
    void setCurrentKeyComputesTheKeyGroupOfTheKey() {
        backend.setCurrentKey("a");
        assertThat(backend.getCurrentKey()).isEqualTo("a");
        assertThat(backend.getCurrentKeyGroup()).isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup("a", 128));
        assertThat(backend.getMaxParallelism()).isEqualTo(128);
    }

    @Test
    void valueStateReturnsTheDescriptorDefaultUntilUpdatedAndAfterUpdateWithNull() throws Exception {
        ValueState<Long> sum = backend.getOrCreateState(new ValueStateDescriptor<>("sum", Long.class, 0L));
        backend.setCurrentKey(7);
        assertThat(sum.value()).isEqualTo(0L);
        sum.update(5L);
        assertThat(sum.value()).isEqualTo(5L);
        sum.update(null);
        assertThat(sum.value()).isEqualTo(0L);
        assertThat(backend.getKeys("sum", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void clearRemovesOnlyTheCurrentKeysValue() throws Exception {
        ValueState<String> state = backend.getOrCreateState(new ValueStateDescriptor<>("s", String.class));
        backend.setCurrentKey("a");
        state.update("x");
        backend.setCurrentKey("b");
        state.update("y");
        state.clear();
        assertThat(state.value()).isNull();
        backend.setCurrentKey("a");
        assertThat(state.value()).isEqualTo("x");
    }

    @Test
    @SuppressWarnings("unchecked")
    void namespacesOfTheSameKeyAreIsolatedAndStartAsVoidNamespace() throws Exception {
        ValueState<String> state = backend.getOrCreateState(new ValueStateDescriptor<>("s", String.class));
        InternalKvState<Object> internal = (InternalKvState<Object>) state;
        assertThat(internal.getCurrentNamespace()).isSameAs(VoidNamespace.INSTANCE);
        assertThat(internal.getName()).isEqualTo("s");
        backend.setCurrentKey("a");
        internal.setCurrentNamespace("window-1");
        state.update("one");
        internal.setCurrentNamespace("window-2");
        assertThat(state.value()).isNull();
        state.update("two");
        internal.setCurrentNamespace("window-1");
        assertThat(state.value()).isEqualTo("one");
        assertThat(backend.getKeys("s", "window-2").collect(Collectors.toList())).containsExactly("a");
        assertThat(backend.getKeys("s", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void theSameNameReturnsTheSameStateObject() {
        ValueState<String> first = backend.getOrCreateState(new ValueStateDescriptor<>("s", String.class));
        ValueState<String> second = backend.getOrCreateState(new ValueStateDescriptor<>("s", String.class));
        assertThat(second).isSameAs(first);
    }

    @Test
    void theSameNameWithAnotherKindFailsNamingTheStateAndBothKinds() {
        backend.getOrCreateState(new ValueStateDescriptor<>("seen", String.class));
        assertThatThrownBy(() -> backend.getOrCreateState(new ListStateDescriptor<>("seen", String.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("state 'seen' is already registered as VALUE state and cannot also be LIST state "
                        + "(ListStateDescriptor{name=seen}): give each state descriptor of an operator its own name");
    }

    @Test
    void accessWithoutACurrentKeyFailsWithAClearMessage() {
        ValueState<String> state = backend.getOrCreateState(new ValueStateDescriptor<>("s", String.class));
        assertThatThrownBy(state::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("state 's' was accessed with no current key");
    }

    @Test
    void aKeyOutsideTheBackendsKeyGroupsIsRefused() {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup("a", 128);
        CheckpointableKeyedStateBackend other = newBackend(128, KeyGroupRange.of(keyGroup + 1, 127));
        assertThatThrownBy(() -> other.setCurrentKey("a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key 'a' is in key group " + keyGroup + ", outside this subtask's KeyGroupRange{" + (keyGroup + 1) + "..127}");
    }

    @Test
    void listStateGetIsAnEmptyIterableWhenNothingWasAdded() throws Exception {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        assertThat(list.get()).isNotNull().isEmpty();
    }

    @Test
    void listStateKeepsElementsInAddOrder() throws Exception {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        list.add("x");
        list.add("y");
        list.addAll(Arrays.asList("z", "w"));
        assertThat(list.get()).containsExactly("x", "y", "z", "w");
        list.update(Arrays.asList("q"));
        assertThat(list.get()).containsExactly("q");
        backend.setCurrentKey("b");
        assertThat(list.get()).isEmpty();
    }

    @Test
    void listStateUpdateWithNullOrEmptyClearsAndAddAllWithNullOrEmptyChangesNothing() throws Exception {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        list.add("x");
        list.addAll(null);
        list.addAll(Collections.emptyList());
        assertThat(list.get()).containsExactly("x");
        list.update(Collections.emptyList());
        assertThat(list.get()).isEmpty();
        list.add("y");
        list.update(null);
        assertThat(list.get()).isEmpty();
        assertThat(backend.getKeys("l", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void listStateRefusesNullElementsAndChangesNothing() throws Exception {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        list.add("x");
        assertThatThrownBy(() -> list.add(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ListState 'l' cannot hold null: add was given a null element; filter out nulls before adding them");
        assertThatThrownBy(() -> list.addAll(Arrays.asList("y", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("ListState 'l' cannot hold null: addAll was given a list with null at index 1; filter out nulls before adding them");
        assertThatThrownBy(() -> list.update(Arrays.asList((String) null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("update was given a list with null at index 0");
        assertThat(list.get()).containsExactly("x");
    }

    @Test
    void listStateUpdateCopiesTheGivenList() throws Exception {
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        List<String> given = new ArrayList<>(Arrays.asList("x"));
        list.update(given);
        given.add("y");
        assertThat(list.get()).containsExactly("x");
    }

    @Test
    void mapStateHoldsEntriesPerKey() throws Exception {
        MapState<String, Integer> map = backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, Integer.class));
        backend.setCurrentKey("a");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.entries()).isEmpty();
        map.put("x", 1);
        map.putAll(Map.of("y", 2, "z", 3));
        assertThat(map.get("x")).isEqualTo(1);
        assertThat(map.contains("y")).isTrue();
        assertThat(map.contains("w")).isFalse();
        assertThat(map.keys()).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(map.values()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(map.isEmpty()).isFalse();
        map.remove("x");
        assertThat(map.get("x")).isNull();
        backend.setCurrentKey("b");
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get("y")).isNull();
    }

    @Test
    void mapStateWithItsLastEntryRemovedHasNoValueForTheKey() throws Exception {
        MapState<String, Integer> map = backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, Integer.class));
        backend.setCurrentKey("a");
        map.put("x", 1);
        map.put("y", 2);
        map.remove("x");
        Iterator<Map.Entry<String, Integer>> it = map.iterator();
        it.next();
        it.remove();
        assertThat(map.isEmpty()).isTrue();
        assertThat(backend.getKeys("m", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapStateIteratesEveryEntryOfTheCurrentKeyAndNamespaceAndNoOther() throws Exception {
        MapState<Integer, String> map = backend.getOrCreateState(new MapStateDescriptor<>("m", Integer.class, String.class));
        InternalKvState<Object> internal = (InternalKvState<Object>) map;
        backend.setCurrentKey("a");
        for (int i = 0; i < 1000; i++) {
            map.put(i, "a" + i);
        }
        internal.setCurrentNamespace("window-1");
        map.put(-1, "in a window");
        backend.setCurrentKey("ab");
        internal.setCurrentNamespace(VoidNamespace.INSTANCE);
        map.put(5, "other key");

        backend.setCurrentKey("a");
        List<Integer> keys = new ArrayList<>();
        for (Map.Entry<Integer, String> e : map.entries()) {
            assertThat(e.getValue()).isEqualTo("a" + e.getKey());
            keys.add(e.getKey());
        }
        assertThat(keys).hasSize(1000).doesNotHaveDuplicates().allMatch(k -> k >= 0 && k < 1000);
        assertThat(map.values()).hasSize(1000);
        internal.setCurrentNamespace("window-1");
        assertThat(map.keys()).containsExactly(-1);
    }

    @Test
    void mapStateIteratorRemoveDeletesTheEntriesItReturned() throws Exception {
        MapState<Integer, Integer> map = backend.getOrCreateState(new MapStateDescriptor<>("m", Integer.class, Integer.class));
        backend.setCurrentKey("a");
        for (int i = 0; i < 500; i++) {
            map.put(i, i * 10);
        }
        Iterator<Map.Entry<Integer, Integer>> it = map.iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, Integer> e = it.next();
            if (e.getKey() % 2 == 0) {
                it.remove();
            }
        }
        assertThat(map.keys()).hasSize(250).allMatch(k -> k % 2 == 1);
        assertThat(map.get(3)).isEqualTo(30);
        assertThat(map.contains(4)).isFalse();
    }

    @Test
    void mapStateHoldsNullValuesAsFlinkDoes() throws Exception {
        MapState<String, String> map = backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, String.class));
        backend.setCurrentKey("a");
        map.put("x", null);
        assertThat(map.contains("x")).isTrue();
        assertThat(map.get("x")).isNull();
        assertThat(map.isEmpty()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listStateKeepsEachNamespacesElementsApartAndInOrder() throws Exception {
        ListState<Long> list = backend.getOrCreateState(new ListStateDescriptor<>("l", Long.class));
        InternalKvState<Object> internal = (InternalKvState<Object>) list;
        backend.setCurrentKey(1);
        for (long i = 0; i < 300; i++) {
            internal.setCurrentNamespace(i % 2 == 0 ? "even" : "odd");
            list.add(i);
        }
        internal.setCurrentNamespace("even");
        List<Long> even = new ArrayList<>();
        list.get().forEach(even::add);
        assertThat(even).hasSize(150).isSorted().allMatch(i -> i % 2 == 0);
        internal.setCurrentNamespace("odd");
        list.clear();
        assertThat(list.get()).isEmpty();
        internal.setCurrentNamespace("even");
        assertThat(list.get()).hasSize(150);
    }

    @Test
    void reducingStateCombinesAddedValuesAndNullClears() throws Exception {
        ReducingState<Integer> sum = backend.getOrCreateState(new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class));
        backend.setCurrentKey("a");
        assertThat(sum.get()).isNull();
        sum.add(3);
        sum.add(4);
        assertThat(sum.get()).isEqualTo(7);
        backend.setCurrentKey("b");
        sum.add(10);
        assertThat(sum.get()).isEqualTo(10);
        sum.add(null);
        assertThat(sum.get()).isNull();
        backend.setCurrentKey("a");
        assertThat(sum.get()).isEqualTo(7);
    }

    @Test
    void aggregatingStateKeepsAnAccumulatorAndReturnsItsResult() throws Exception {
        AggregatingState<Integer, Double> average = backend.getOrCreateState(
                new AggregatingStateDescriptor<>("avg", new Average(), long[].class));
        backend.setCurrentKey("a");
        assertThat(average.get()).isNull();
        average.add(1);
        average.add(2);
        assertThat(average.get()).isEqualTo(1.5);
        backend.setCurrentKey("b");
        average.add(10);
        assertThat(average.get()).isEqualTo(10.0);
        average.clear();
        assertThat(average.get()).isNull();
        backend.setCurrentKey("a");
        assertThat(average.get()).isEqualTo(1.5);
    }

    @Test
    void getKeysListsTheKeysWithAValueInTheNamespace() throws Exception {
        ValueState<String> state = backend.getOrCreateState(new ValueStateDescriptor<>("s", String.class));
        for (int key = 0; key < 50; key++) {
            backend.setCurrentKey(key);
            state.update("v" + key);
        }
        backend.setCurrentKey(3);
        state.clear();
        List<Object> keys = backend.getKeys("s", VoidNamespace.INSTANCE).collect(Collectors.toList());
        assertThat(keys).hasSize(49).doesNotContain(3).contains(0, 49);
        assertThat(backend.getKeys("never-created", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void entriesOfAKeyGroupRestoreIntoAnotherBackendOwningIt() throws Exception {
        ValueState<String> value = backend.getOrCreateState(new ValueStateDescriptor<>("v", String.class));
        ListState<Integer> list = backend.getOrCreateState(new ListStateDescriptor<>("l", Integer.class));
        MapState<String, String> map = backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, String.class));
        for (int key = 0; key < 200; key++) {
            backend.setCurrentKey(key);
            value.update("v" + key);
            list.add(key);
            list.add(-key);
            map.put("k", "m" + key);
        }

        CheckpointableKeyedStateBackend lower = newBackend(128, KeyGroupRange.of(0, 63));
        CheckpointableKeyedStateBackend upper = newBackend(128, KeyGroupRange.of(64, 127));
        int[] visited = new int[1];
        for (int keyGroup = 0; keyGroup < 128; keyGroup++) {
            CheckpointableKeyedStateBackend target = keyGroup < 64 ? lower : upper;
            int group = keyGroup;
            backend.forEachEntry(keyGroup, (name, key, namespace, stored) -> {
                visited[0]++;
                target.restoreEntry(name, group, key, namespace, stored);
            });
        }
        assertThat(visited[0]).isEqualTo(600);

        for (int key = 0; key < 200; key++) {
            CheckpointableKeyedStateBackend target = KeyGroupRangeAssignment.assignToKeyGroup(key, 128) < 64 ? lower : upper;
            ValueState<String> restoredValue = target.getOrCreateState(new ValueStateDescriptor<>("v", String.class));
            ListState<Integer> restoredList = target.getOrCreateState(new ListStateDescriptor<>("l", Integer.class));
            MapState<String, String> restoredMap = target.getOrCreateState(new MapStateDescriptor<>("m", String.class, String.class));
            target.setCurrentKey(key);
            assertThat(restoredValue.value()).isEqualTo("v" + key);
            assertThat(restoredList.get()).containsExactly(key, -key);
            assertThat(restoredMap.get("k")).isEqualTo("m" + key);
        }
        assertThat(lower.getStateNames()).containsExactly("v", "l", "m");
    }

    @Test
    void restoredEntriesOfStatesNotCreatedYetAreInTheNextSnapshotUnchangedAndReadableOnceCreated() throws Exception {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup("a", 128);
        backend.restoreEntry("l", keyGroup, "a", "window-1", new ArrayList<>(Arrays.asList("x", "y")));
        backend.restoreEntry("m", keyGroup, "a", VoidNamespace.INSTANCE, new java.util.HashMap<>(Map.of("k", 1, "j", 2)));
        backend.restoreEntry("v", keyGroup, "a", VoidNamespace.INSTANCE, 42L);
        List<String> visited = new ArrayList<>();
        backend.forEachEntry(keyGroup, (name, key, namespace, stored) -> visited.add(name + "," + key + "," + namespace + "," + stored));
        assertThat(visited).containsExactlyInAnyOrder("l,a,window-1,[x, y]", "m,a,VoidNamespace,{j=2, k=1}", "v,a,VoidNamespace,42");
        assertThat(backend.getStateNames()).containsExactly("l", "m", "v");

        MapState<String, Integer> map = backend.getOrCreateState(new MapStateDescriptor<>("m", String.class, Integer.class));
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        assertThat(map.get("j")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        InternalKvState<Object> namespaced = (InternalKvState<Object>) list;
        namespaced.setCurrentNamespace("window-1");
        assertThat(list.get()).containsExactly("x", "y");
        visited.clear();
        backend.forEachEntry(keyGroup, (name, key, namespace, stored) -> visited.add(name + "," + key + "," + namespace + "," + stored));
        assertThat(visited).containsExactlyInAnyOrder("l,a,window-1,[x, y]", "m,a,VoidNamespace,{j=2, k=1}", "v,a,VoidNamespace,42");
    }

    @Test
    void restoredListsAreCopiesOfTheSnapshotValue() throws Exception {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup("a", 128);
        List<Object> snapshotList = new ArrayList<>(Arrays.asList("x"));
        backend.restoreEntry("l", keyGroup, "a", VoidNamespace.INSTANCE, snapshotList);
        ListState<String> list = backend.getOrCreateState(new ListStateDescriptor<>("l", String.class));
        backend.setCurrentKey("a");
        list.add("y");
        assertThat(snapshotList).containsExactly("x");
        assertThat(list.get()).containsExactly("x", "y");
    }

    @Test
    void restoringAKeyUnderTheWrongKeyGroupIsRefused() {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup("a", 128);
        int wrong = (keyGroup + 1) % 128;
        assertThatThrownBy(() -> backend.restoreEntry("v", wrong, "a", VoidNamespace.INSTANCE, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot restore state 'v': key 'a' belongs to key group " + keyGroup + " at max parallelism 128, "
                        + "but the snapshot filed it under key group " + wrong
                        + "; the snapshot is corrupt or was taken with another max parallelism");
    }

    @Test
    void visitingAKeyGroupTheBackendDoesNotOwnIsRefused() {
        CheckpointableKeyedStateBackend half = newBackend(128, KeyGroupRange.of(0, 63));
        assertThatThrownBy(() -> half.forEachEntry(64, (name, key, namespace, stored) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot visit key group 64: this backend owns KeyGroupRange{0..63} (max parallelism 128)");
    }

    @Test
    void aRangeBeyondTheMaxParallelismIsRefused() {
        assertThatThrownBy(() -> create(64, KeyGroupRange.of(0, 64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KeyGroupRange{0..64} reaches past the last key group 63 of max parallelism 64");
    }

    /** Average of ints with a {count, sum} accumulator. */
    private static final class Average implements AggregateFunction<Integer, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Integer value, long[] accumulator) {
            accumulator[0]++;
            accumulator[1] += value;
            return accumulator;
        }

        @Override
        public Double getResult(long[] accumulator) {
            return (double) accumulator[1] / accumulator[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}
