package dev.weir.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingState;
import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Time to live on every backend, for every kind of state: the same expiry, refresh and visibility, and the stored
 * form carrying the last access time through a restore.
 */
public abstract class TtlStateContractTest {
    protected long now;
    private final List<CheckpointableKeyedStateBackend> created = new ArrayList<>();
    protected final CheckpointableKeyedStateBackend backend = newBackend();

    /** A new, empty backend of the kind under test whose TTL reads {@code clock}. */
    protected abstract CheckpointableKeyedStateBackend create(LongSupplier clock) throws Exception;

    protected final CheckpointableKeyedStateBackend newBackend() {
        try {
            CheckpointableKeyedStateBackend b = create(() -> now);
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
        created.forEach(CheckpointableKeyedStateBackend::close);
    }

    protected static StateTtlConfig.Builder ttl10() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(10));
    }

    protected static <D extends StateDescriptor<?>> D withTtl(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    @Test
    void valueExpiresWhenTheTtlHasPassedSinceTheLastWrite() throws Exception {
        ValueState<String> state = backend.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        state.update("x");
        now = 9;
        assertThat(state.value()).isEqualTo("x");
        now = 10;
        assertThat(state.value()).isNull();
        assertThat(backend.getKeys("v", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void onCreateAndWriteReadsDoNotExtendTheTtlButWritesDo() throws Exception {
        ValueState<String> state = backend.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        state.update("x");
        now = 5;
        assertThat(state.value()).isEqualTo("x");
        now = 10;
        assertThat(state.value()).isNull();
        state.update("y");
        now = 19;
        assertThat(state.value()).isEqualTo("y");
    }

    @Test
    void onReadAndWriteReadsExtendTheTtl() throws Exception {
        ValueState<String> state = backend.getOrCreateState(
                withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().updateTtlOnReadAndWrite().build()));
        backend.setCurrentKey("a");
        state.update("x");
        now = 5;
        assertThat(state.value()).isEqualTo("x");
        now = 14;
        assertThat(state.value()).isEqualTo("x");
        now = 24;
        assertThat(state.value()).isNull();
    }

    @Test
    void returnExpiredIfNotCleanedUpReturnsTheExpiredValueOnceAndRemovesIt() throws Exception {
        ValueState<String> state = backend.getOrCreateState(
                withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().returnExpiredIfNotCleanedUp().build()));
        backend.setCurrentKey("a");
        state.update("x");
        now = 10;
        assertThat(state.value()).isEqualTo("x");
        assertThat(state.value()).isNull();
    }

    @Test
    void expiredValueReadsAsTheDescriptorDefault() throws Exception {
        ValueState<Long> state = backend.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", Long.class, -1L), ttl10().build()));
        backend.setCurrentKey("a");
        state.update(5L);
        now = 10;
        assertThat(state.value()).isEqualTo(-1L);
    }

    @Test
    void ttlIsTrackedPerKey() throws Exception {
        ValueState<String> state = backend.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        state.update("x");
        now = 5;
        backend.setCurrentKey("b");
        state.update("y");
        now = 12;
        assertThat(state.value()).isEqualTo("y");
        backend.setCurrentKey("a");
        assertThat(state.value()).isNull();
    }

    @Test
    void valueStateUpdateWithNullClearsUnderTtlToo() throws Exception {
        ValueState<String> state = backend.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        state.update("x");
        state.update(null);
        assertThat(state.value()).isNull();
    }

    @Test
    void reducingStateNeverReducesIntoAnExpiredValue() throws Exception {
        ReducingState<Integer> sum = backend.getOrCreateState(
                withTtl(new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class), ttl10().returnExpiredIfNotCleanedUp().build()));
        backend.setCurrentKey("a");
        sum.add(5);
        now = 4;
        sum.add(1);
        now = 13;
        assertThat(sum.get()).isEqualTo(6);
        now = 14;
        sum.add(1);
        sum.add(2);
        now = 15;
        assertThat(sum.get()).isEqualTo(3);
        now = 24;
        sum.add(100);
        assertThat(sum.get()).isEqualTo(100);
    }

    @Test
    void aggregatingStateStartsANewAccumulatorAfterExpiry() throws Exception {
        AggregatingState<Integer, Integer> count = backend.getOrCreateState(
                withTtl(new AggregatingStateDescriptor<>("count", new Count(), int[].class), ttl10().build()));
        backend.setCurrentKey("a");
        count.add(7);
        count.add(8);
        assertThat(count.get()).isEqualTo(2);
        now = 10;
        assertThat(count.get()).isNull();
        count.add(9);
        assertThat(count.get()).isEqualTo(1);
    }

    @Test
    void storedFormOfTtlStateCarriesTheLastAccessTimeThroughARestore() throws Exception {
        ValueState<String> state = backend.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().build()));
        backend.setCurrentKey("a");
        now = 3;
        state.update("x");
        int keyGroup = backend.getCurrentKeyGroup();
        List<Object> stored = new ArrayList<>();
        backend.forEachEntry(keyGroup, (name, key, namespace, value) -> stored.add(value));
        assertThat(stored).containsExactly(new TtlValue("x", 3));

        CheckpointableKeyedStateBackend restored = newBackend();
        restored.restoreEntry("v", keyGroup, "a", VoidNamespace.INSTANCE, stored.get(0));
        ValueState<String> restoredState = restored.getOrCreateState(withTtl(new ValueStateDescriptor<>("v", String.class), ttl10().build()));
        restored.setCurrentKey("a");
        now = 12;
        assertThat(restoredState.value()).isEqualTo("x");
        now = 13;
        assertThat(restoredState.value()).isNull();
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

    /** Counts added elements in a one-slot array. */
    private static final class Count implements AggregateFunction<Integer, int[], Integer> {
        @Override
        public int[] createAccumulator() {
            return new int[1];
        }

        @Override
        public int[] add(Integer value, int[] accumulator) {
            accumulator[0]++;
            return accumulator;
        }

        @Override
        public Integer getResult(int[] accumulator) {
            return accumulator[0];
        }

        @Override
        public int[] merge(int[] a, int[] b) {
            return new int[] {a[0] + b[0]};
        }
    }
}
