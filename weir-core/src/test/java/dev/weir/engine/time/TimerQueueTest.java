package dev.weir.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    /** A timer's identity (what dedup compares) and its place in the firing order. */
    private record Timer(Object key, String namespace, long timestamp) {
    }

    private record Order(long timestamp, long sequence) {
    }

    /** A key whose hash code collides with every other one: index probes must compare by equals. */
    private record Colliding(int id) {
        @Override
        public int hashCode() {
            return 11;
        }
    }

    /**
     * Random registrations (many of them duplicates), deletions and firings against a model: every call returns what
     * the model says, and timers fire by timestamp, then in registration order, each with its key group.
     */
    private static void assertFiresAsTheModel(long seed, java.util.function.IntFunction<Object> keyOf) {
        Random random = new Random(seed);
        TimerQueue<String> queue = new TimerQueue<>();
        TreeMap<Order, Timer> byOrder = new TreeMap<>(Comparator.comparingLong(Order::timestamp).thenComparingLong(Order::sequence));
        Map<Timer, Order> live = new HashMap<>();
        TimerEntry<String> fired = new TimerEntry<>();
        long sequence = 0;
        for (int op = 0; op < 60_000; op++) {
            int id = random.nextInt(200);
            Timer timer = new Timer(keyOf.apply(id), random.nextBoolean() ? "a" : "b", random.nextInt(400) - 100);
            int choice = random.nextInt(10);
            if (choice < 5) {
                boolean added = queue.add(timer.key(), timer.namespace(), id, timer.timestamp(), sequence);
                assertThat(added).isEqualTo(!live.containsKey(timer));
                if (added) {
                    Order order = new Order(timer.timestamp(), sequence);
                    live.put(timer, order);
                    byOrder.put(order, timer);
                }
                sequence++;
            } else if (choice < 8) {
                Order order = live.remove(timer);
                assertThat(queue.remove(timer.key(), timer.namespace(), timer.timestamp())).isEqualTo(order != null);
                if (order != null) {
                    byOrder.remove(order);
                }
            } else if (!byOrder.isEmpty()) {
                Map.Entry<Order, Timer> first = byOrder.pollFirstEntry();
                live.remove(first.getValue());
                assertThat(queue.headTimestamp()).isEqualTo(first.getKey().timestamp());
                queue.pollInto(fired);
                assertThat(fired.getKey()).isEqualTo(first.getValue().key());
                assertThat(fired.getNamespace()).isEqualTo(first.getValue().namespace());
                assertThat(fired.getTimestamp()).isEqualTo(first.getValue().timestamp());
                assertThat(fired.getKey()).isEqualTo(keyOf.apply(fired.keyGroup()));
            }
            assertThat(queue.size()).isEqualTo(live.size());
        }
        List<Timer> rest = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.pollInto(fired);
            rest.add(new Timer(fired.getKey(), fired.getNamespace(), fired.getTimestamp()));
        }
        assertThat(rest).containsExactlyElementsOf(byOrder.values());
    }

    @Test
    void timersFireByTimestampThenRegistrationOrderThroughRandomRegistrationsDeletionsAndFirings() {
        assertFiresAsTheModel(1, id -> (long) id * 1_000_003L);
    }

    @Test
    void keysWithCollidingHashCodesAreStillToldApartByEquals() {
        assertFiresAsTheModel(2, Colliding::new);
    }

    @Test
    void snapshotAccessorsSeeEveryLiveTimerExactlyOnce() {
        TimerQueue<String> queue = new TimerQueue<>();
        for (int i = 0; i < 100; i++) {
            queue.add("k" + i, "n", i, 1_000 - i * 7L, i);
        }
        for (int i = 0; i < 100; i += 3) {
            queue.remove("k" + i, "n", 1_000 - i * 7L);
        }
        Map<Object, Long> seen = new HashMap<>();
        for (int position = 0; position < queue.size(); position++) {
            assertThat(queue.namespaceAt(position)).isEqualTo("n");
            assertThat(seen.put(queue.keyAt(position), queue.timestampAt(position))).isNull();
        }
        Map<Object, Long> expected = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            if (i % 3 != 0) {
                expected.put("k" + i, 1_000 - i * 7L);
            }
        }
        assertThat(seen).isEqualTo(expected);
    }
}
