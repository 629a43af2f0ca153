package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionFirings} hands out firings in exactly (max timestamp, version) order, whichever of its sorted runs or
 * its heap holds them, as a priority queue does.
 */
class SessionFiringsTest {
    private record Firing(long time, long version, long id, int slot) {
    }

    private static final Comparator<Firing> ORDER = Comparator.comparingLong(Firing::time).thenComparingLong(Firing::version);

    /**
     * Pushes {@code streams} interleaved rising streams of firings (each with random steps back of up to
     * {@code disorder}), with pops in between, and compares every pop with a priority queue.
     */
    private static void assertSameOrderAsAPriorityQueue(long seed, int streams, int disorder) {
        Random random = new Random(seed);
        SessionFirings firings = new SessionFirings();
        PriorityQueue<Firing> model = new PriorityQueue<>(ORDER);
        long[] clocks = new long[streams];
        long version = 0;
        List<Firing> popped = new ArrayList<>();
        List<Firing> expected = new ArrayList<>();
        for (int op = 0; op < 30_000; op++) {
            if (random.nextInt(5) < 3 || model.isEmpty()) {
                int stream = random.nextInt(streams);
                clocks[stream] += random.nextInt(3);
                long time = clocks[stream] - (disorder == 0 ? 0 : random.nextInt(disorder + 1));
                long v = version++;
                Firing firing = new Firing(time, v, 1_000_000 + v, random.nextInt(7));
                firings.push(firing.time, firing.version, firing.slot, firing.id);
                model.add(firing);
            } else {
                expected.add(model.poll());
                popped.add(new Firing(firings.headTime(), firings.headVersion(), firings.headId(), firings.headSlot()));
                firings.pop();
            }
            assertThat(firings.isEmpty()).isEqualTo(model.isEmpty());
        }
        while (!model.isEmpty()) {
            expected.add(model.poll());
            popped.add(new Firing(firings.headTime(), firings.headVersion(), firings.headId(), firings.headSlot()));
            firings.pop();
        }
        assertThat(firings.isEmpty()).isTrue();
        assertThat(popped).isEqualTo(expected);
    }

    @Test
    void twoInterleavedRisingStreamsComeOutInTimeThenVersionOrder() {
        assertSameOrderAsAPriorityQueue(1, 2, 0);
    }

    @Test
    void moreRisingStreamsThanRunsSpillIntoTheHeapAndStillComeOutInOrder() {
        assertSameOrderAsAPriorityQueue(2, 9, 0);
    }

    @Test
    void streamsThatStepBackComeOutInOrder() {
        assertSameOrderAsAPriorityQueue(3, 3, 40);
    }

    @Test
    void equalTimesComeOutInVersionOrderAcrossRunsAndHeap() {
        SessionFirings firings = new SessionFirings();
        int slot = 3;
        // Versions 0..9 at time 5, pushed so that they land in different runs and the heap.
        long[] versions = {9, 4, 8, 3, 7, 2, 6, 1, 5, 0};
        for (long v : versions) {
            firings.push(5, v, slot, 100 + v);
        }
        firings.push(4, 10, slot, 110);
        List<Long> ids = new ArrayList<>();
        while (!firings.isEmpty()) {
            ids.add(firings.headId());
            firings.pop();
        }
        assertThat(ids).containsExactly(110L, 100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L);
    }
}
