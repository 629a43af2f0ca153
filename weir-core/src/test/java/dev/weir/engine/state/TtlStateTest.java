package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Time to live on the heap: the contract, and list and map state with a TTL (the heap's alone for now). */
class TtlStateTest extends TtlStateContractTest {
    @Override
    protected CheckpointableKeyedStateBackend create(LongSupplier clock) {
        return new HeapKeyedStateBackend(128, KeyGroupRange.of(0, 127), clock);
    }

    @Test
    void listElementsExpireOneByOne() throws Exception {
        ListState<String> list = backend.getOrCreateState(withTtl(new ListStateDescriptor<>("l", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        list.add("x");
        now = 5;
        list.addAll(Arrays.asList("y", "z"));
        now = 10;
        assertThat(list.get()).containsExactly("y", "z");
        now = 15;
        assertThat(list.get()).isNotNull().isEmpty();
        assertThat(backend.getKeys("l", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void listElementsReadUnderOnReadAndWriteLiveLonger() throws Exception {
        ListState<String> list = backend.getOrCreateState(
                withTtl(new ListStateDescriptor<>("l", String.class), ttl10().updateTtlOnReadAndWrite().build()));
        backend.setCurrentKey("a");
        list.add("x");
        now = 9;
        assertThat(list.get()).containsExactly("x");
        list.add("y");
        now = 18;
        assertThat(list.get()).containsExactly("x", "y");
        now = 28;
        assertThat(list.get()).isEmpty();
    }

    @Test
    void expiredListElementsAreReturnedOnceWhenReturnExpiredIfNotCleanedUp() throws Exception {
        ListState<String> list = backend.getOrCreateState(
                withTtl(new ListStateDescriptor<>("l", String.class), ttl10().returnExpiredIfNotCleanedUp().build()));
        backend.setCurrentKey("a");
        list.add("x");
        now = 5;
        list.add("y");
        now = 10;
        assertThat(list.get()).containsExactly("x", "y");
        assertThat(list.get()).containsExactly("y");
    }

    @Test
    void listUpdateGivesEveryElementAFreshTtl() throws Exception {
        ListState<String> list = backend.getOrCreateState(withTtl(new ListStateDescriptor<>("l", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        list.add("x");
        now = 8;
        list.update(Arrays.asList("x", "y"));
        now = 17;
        assertThat(list.get()).containsExactly("x", "y");
    }

    @Test
    void mapEntriesExpireOneByOne() throws Exception {
        MapState<String, Integer> map = backend.getOrCreateState(
                withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), ttl10().build()));
        backend.setCurrentKey("a");
        map.put("x", 1);
        now = 5;
        map.putAll(Map.of("y", 2));
        now = 10;
        assertThat(map.get("x")).isNull();
        assertThat(map.contains("x")).isFalse();
        assertThat(map.get("y")).isEqualTo(2);
        assertThat(map.keys()).containsExactly("y");
        assertThat(map.isEmpty()).isFalse();
        now = 15;
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.entries()).isEmpty();
        assertThat(backend.getKeys("m", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void mapEntriesReadUnderOnReadAndWriteLiveLonger() throws Exception {
        MapState<String, Integer> map = backend.getOrCreateState(
                withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), ttl10().updateTtlOnReadAndWrite().build()));
        backend.setCurrentKey("a");
        map.put("x", 1);
        map.put("y", 2);
        now = 9;
        assertThat(map.get("x")).isEqualTo(1);
        now = 12;
        List<String> keys = new ArrayList<>();
        map.keys().forEach(keys::add);
        assertThat(keys).containsExactly("x");
        now = 21;
        assertThat(map.values()).containsExactly(1);
        now = 31;
        assertThat(map.get("x")).isNull();
    }

    @Test
    void expiredMapEntriesAreReturnedOnceWhenReturnExpiredIfNotCleanedUp() throws Exception {
        MapState<String, Integer> map = backend.getOrCreateState(
                withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), ttl10().returnExpiredIfNotCleanedUp().build()));
        backend.setCurrentKey("a");
        map.put("x", 1);
        now = 10;
        assertThat(map.get("x")).isEqualTo(1);
        assertThat(map.get("x")).isNull();
    }

    @Test
    void removingThroughTheMapIteratorRemovesFromTheState() throws Exception {
        MapState<String, Integer> map = backend.getOrCreateState(
                withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), ttl10().build()));
        backend.setCurrentKey("a");
        map.put("x", 1);
        var iterator = map.iterator();
        assertThat(iterator.next().getKey()).isEqualTo("x");
        iterator.remove();
        assertThat(map.contains("x")).isFalse();
        assertThat(map.isEmpty()).isTrue();
    }
}
