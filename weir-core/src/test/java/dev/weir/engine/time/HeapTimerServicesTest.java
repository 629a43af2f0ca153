package dev.weir.engine.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.engine.state.KeyContext;
import dev.weir.engine.state.VoidNamespace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeapTimerServicesTest {
    private final RecordingKeyContext keys = new RecordingKeyContext();
    private final ManualProcessingTimeService clock = new ManualProcessingTimeService();
    private final HeapTimerServices timers = new HeapTimerServices(keys, clock);
    private final List<String> fired = new ArrayList<>();
    private final Recorder recorder = new Recorder("t");
    private final InternalTimerService<String> service = timers.getTimerService("user-timers", recorder);

    private void register(Object key, long time) {
        keys.setCurrentKey(key);
        service.registerEventTimeTimer("ns", time);
    }

    @Test
    void eventTimersFireInTimestampOrderWhenTheWatermarkPassesSeveral() throws Exception {
        register("a", 30);
        register("b", 10);
        register("c", 20);
        register("a", 40);
        timers.advanceWatermark(35);
        assertThat(fired).containsExactly("t:event b/ns@10", "t:event c/ns@20", "t:event a/ns@30");
        assertThat(service.numEventTimeTimers()).isEqualTo(1);
        timers.advanceWatermark(40);
        assertThat(fired).endsWith("t:event a/ns@40");
        assertThat(service.numEventTimeTimers()).isZero();
    }

    @Test
    void timersWithTheSameTimestampFireInRegistrationOrder() throws Exception {
        register("c", 10);
        register("a", 10);
        register("b", 10);
        timers.advanceWatermark(10);
        assertThat(fired).containsExactly("t:event c/ns@10", "t:event a/ns@10", "t:event b/ns@10");
    }

    @Test
    void aTimerIsUniquePerKeyNamespaceAndTimestamp() throws Exception {
        register("a", 10);
        register("a", 10);
        register("b", 10);
        service.registerEventTimeTimer("other", 10);
        register("a", 11);
        assertThat(service.numEventTimeTimers()).isEqualTo(4);
        timers.advanceWatermark(20);
        assertThat(fired).containsExactly("t:event a/ns@10", "t:event b/ns@10", "t:event b/other@10", "t:event a/ns@11");
    }

    @Test
    void aDeletedTimerDoesNotFireAndDeletingAMissingTimerDoesNothing() throws Exception {
        register("a", 10);
        register("a", 20);
        register("b", 20);
        keys.setCurrentKey("a");
        service.deleteEventTimeTimer("ns", 20);
        service.deleteEventTimeTimer("ns", 99);
        service.deleteEventTimeTimer("other", 10);
        timers.advanceWatermark(100);
        assertThat(fired).containsExactly("t:event a/ns@10", "t:event b/ns@20");
    }

    @Test
    void aDeletedTimerCanBeRegisteredAgain() throws Exception {
        register("a", 10);
        service.deleteEventTimeTimer("ns", 10);
        assertThat(service.numEventTimeTimers()).isZero();
        register("a", 10);
        timers.advanceWatermark(10);
        assertThat(fired).containsExactly("t:event a/ns@10");
    }

    @Test
    void manyTimersWithDeletesFireInTimestampThenRegistrationOrder() throws Exception {
        Random random = new Random(11);
        List<long[]> live = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long key = random.nextInt(50);
            long time = random.nextInt(500);
            boolean alreadyThere = live.stream().anyMatch(t -> t[0] == key && t[1] == time);
            register(key, time);
            if (!alreadyThere) {
                live.add(new long[] {key, time, i});
            }
            if (i % 3 == 0 && !live.isEmpty()) {
                long[] victim = live.remove(random.nextInt(live.size()));
                keys.setCurrentKey(victim[0]);
                service.deleteEventTimeTimer("ns", victim[1]);
            }
        }
        assertThat(service.numEventTimeTimers()).isEqualTo(live.size());
        live.sort(Comparator.<long[]>comparingLong(t -> t[1]).thenComparingLong(t -> t[2]));
        List<String> expected = new ArrayList<>();
        for (long[] timer : live) {
            expected.add("t:event " + timer[0] + "/ns@" + timer[1]);
        }
        timers.advanceWatermark(250);
        timers.advanceWatermark(Long.MAX_VALUE);
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void theCurrentKeyIsTheTimersKeyWhileItFires() throws Exception {
        List<Object> keysWhileFiring = new ArrayList<>();
        InternalTimerService<VoidNamespace> other = timers.getTimerService("keyed", new Triggerable<VoidNamespace>() {
            @Override
            public void onEventTime(InternalTimer<VoidNamespace> timer) {
                keysWhileFiring.add(keys.getCurrentKey());
            }

            @Override
            public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
                keysWhileFiring.add(keys.getCurrentKey());
            }
        });
        keys.setCurrentKey("x");
        other.registerEventTimeTimer(VoidNamespace.INSTANCE, 1);
        other.registerProcessingTimeTimer(VoidNamespace.INSTANCE, 5);
        keys.setCurrentKey("y");
        other.registerEventTimeTimer(VoidNamespace.INSTANCE, 2);
        other.registerProcessingTimeTimer(VoidNamespace.INSTANCE, 6);
        keys.setCurrentKey("z");
        timers.advanceWatermark(2);
        clock.setCurrentTime(6);
        assertThat(keysWhileFiring).containsExactly("x", "y", "x", "y");
    }

    @Test
    void dueTimersRegisteredWhileFiringFireInTheSameAdvance() throws Exception {
        recorder.onEvent = timer -> {
            if (timer.getTimestamp() == 10) {
                service.registerEventTimeTimer("ns", 15);
                service.registerEventTimeTimer("ns", 25);
            }
        };
        register("a", 10);
        timers.advanceWatermark(20);
        assertThat(fired).containsExactly("t:event a/ns@10", "t:event a/ns@15");
        assertThat(service.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aTimerAtOrBeforeTheCurrentWatermarkFiresAtTheNextAdvance() throws Exception {
        timers.advanceWatermark(100);
        register("a", 50);
        register("a", 100);
        assertThat(fired).isEmpty();
        timers.advanceWatermark(101);
        assertThat(fired).containsExactly("t:event a/ns@50", "t:event a/ns@100");
    }

    @Test
    void theWatermarkStartsAtMinValueAndNeverGoesBack() throws Exception {
        assertThat(timers.currentWatermark()).isEqualTo(Long.MIN_VALUE);
        timers.advanceWatermark(100);
        timers.advanceWatermark(50);
        assertThat(timers.currentWatermark()).isEqualTo(100);
        assertThat(service.currentWatermark()).isEqualTo(100);
    }

    @Test
    void timersOfSeveralServicesFireInTimestampOrderAcrossServices() throws Exception {
        InternalTimerService<String> second = timers.getTimerService("window-timers", new Recorder("w"));
        keys.setCurrentKey("a");
        service.registerEventTimeTimer("ns", 30);
        second.registerEventTimeTimer("ns", 20);
        service.registerEventTimeTimer("ns", 10);
        second.registerEventTimeTimer("ns", 10);
        timers.advanceWatermark(30);
        assertThat(fired).containsExactly("t:event a/ns@10", "w:event a/ns@10", "w:event a/ns@20", "t:event a/ns@30");
    }

    @Test
    void theSameNameAndTargetReturnTheSameServiceButAnotherTargetIsRefused() {
        assertThat(timers.getTimerService("user-timers", recorder)).isSameAs(service);
        Recorder other = new Recorder("other");
        assertThatThrownBy(() -> timers.getTimerService("user-timers", other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timer service 'user-timers' already fires into Recorder(t) and cannot also fire into "
                        + "Recorder(other): use another timer service name for another target");
    }

    @Test
    void registeringWithoutACurrentKeyIsRefused() {
        assertThatThrownBy(() -> service.registerEventTimeTimer("ns", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("timer service 'user-timers' was used with no current key");
    }

    @Test
    void processingTimeTimersFireWhenTheServiceReachesTheirTime() throws Exception {
        keys.setCurrentKey("a");
        service.registerProcessingTimeTimer("ns", 100);
        keys.setCurrentKey("b");
        service.registerProcessingTimeTimer("ns", 50);
        assertThat(service.numProcessingTimeTimers()).isEqualTo(2);
        assertThat(clock.nextTimerTime()).isEqualTo(50);
        clock.setCurrentTime(60);
        assertThat(fired).containsExactly("t:processing b/ns@50");
        assertThat(clock.nextTimerTime()).isEqualTo(100);
        clock.setCurrentTime(100);
        assertThat(fired).containsExactly("t:processing b/ns@50", "t:processing a/ns@100");
        assertThat(service.numProcessingTimeTimers()).isZero();
        assertThat(clock.numPendingTimers()).isZero();
        assertThat(service.currentProcessingTime()).isEqualTo(100);
    }

    @Test
    void anEarlierProcessingTimeTimerReRegistersTheCallbackWithoutDuplicates() throws Exception {
        keys.setCurrentKey("a");
        service.registerProcessingTimeTimer("ns", 100);
        service.registerProcessingTimeTimer("ns", 50);
        service.registerProcessingTimeTimer("ns", 70);
        service.registerProcessingTimeTimer("ns", 50);
        assertThat(clock.numPendingTimers()).isEqualTo(2);
        assertThat(clock.setCurrentTime(200)).isEqualTo(3);
        assertThat(fired).containsExactly("t:processing a/ns@50", "t:processing a/ns@70", "t:processing a/ns@100");
        assertThat(clock.numPendingTimers()).isZero();
    }

    @Test
    void aCallbackForADeletedProcessingTimeTimerIsTolerated() throws Exception {
        keys.setCurrentKey("a");
        service.registerProcessingTimeTimer("ns", 50);
        service.deleteProcessingTimeTimer("ns", 50);
        service.registerProcessingTimeTimer("ns", 80);
        assertThat(service.numProcessingTimeTimers()).isEqualTo(1);
        clock.setCurrentTime(60);
        assertThat(fired).isEmpty();
        clock.setCurrentTime(80);
        assertThat(fired).containsExactly("t:processing a/ns@80");
        assertThat(clock.numPendingTimers()).isZero();
    }

    @Test
    void dueProcessingTimeTimersRegisteredWhileFiringFireInTheSameCallback() throws Exception {
        recorder.onProcessing = timer -> {
            if (timer.getTimestamp() == 10) {
                service.registerProcessingTimeTimer("ns", 5);
                service.registerProcessingTimeTimer("ns", 30);
            }
        };
        keys.setCurrentKey("a");
        service.registerProcessingTimeTimer("ns", 10);
        clock.setCurrentTime(20);
        assertThat(fired).containsExactly("t:processing a/ns@10", "t:processing a/ns@5");
        assertThat(clock.nextTimerTime()).isEqualTo(30);
        assertThat(clock.numPendingTimers()).isEqualTo(1);
        clock.setCurrentTime(30);
        assertThat(fired).endsWith("t:processing a/ns@30");
    }

    @Test
    void eventAndProcessingTimeTimersAreSeparate() throws Exception {
        keys.setCurrentKey("a");
        service.registerEventTimeTimer("ns", 10);
        service.registerProcessingTimeTimer("ns", 10);
        assertThat(service.numEventTimeTimers()).isEqualTo(1);
        assertThat(service.numProcessingTimeTimers()).isEqualTo(1);
        timers.advanceWatermark(10);
        assertThat(fired).containsExactly("t:event a/ns@10");
        assertThat(service.numProcessingTimeTimers()).isEqualTo(1);
    }

    @Test
    void registeringDeduplicatingDeletingAndFiringTimersAllocateNothingOnceTheQueueHasGrown() throws Exception {
        long[] firedCount = new long[1];
        InternalTimerService<VoidNamespace> counting = timers.getTimerService("counting", new Triggerable<VoidNamespace>() {
            @Override
            public void onEventTime(InternalTimer<VoidNamespace> timer) {
                firedCount[0] += timer.getTimestamp();
            }

            @Override
            public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
            }
        });
        int keyCount = 20_000;
        Long[] boxedKeys = new Long[keyCount];
        for (int i = 0; i < keyCount; i++) {
            boxedKeys[i] = (long) i + 1_000_000;
        }
        long watermark = 0;
        for (int round = 0; round < 3; round++) {
            // The first round grows the queue's arrays and warms the code up; the later ones must not allocate.
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < keyCount; i++) {
                keys.setCurrentKey(boxedKeys[i]);
                counting.registerEventTimeTimer(VoidNamespace.INSTANCE, watermark + 1 + i % 1000);
                counting.registerEventTimeTimer(VoidNamespace.INSTANCE, watermark + 1 + i % 1000);
                counting.registerEventTimeTimer(VoidNamespace.INSTANCE, watermark + 5000);
                counting.deleteEventTimeTimer(VoidNamespace.INSTANCE, watermark + 5000);
            }
            watermark += 1000;
            timers.advanceWatermark(watermark);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(counting.numEventTimeTimers()).isZero();
            if (round > 0) {
                // 20,000 timers in an object heap with a hash index allocated over 1 MB per round.
                assertThat(allocated).as("bytes allocated in round %d", round).isLessThan(4096);
            }
        }
        assertThat(firedCount[0]).isPositive();
    }

    /** A key context that just holds the key. */
    private static final class RecordingKeyContext implements KeyContext {
        private Object key;

        @Override
        public void setCurrentKey(Object key) {
            this.key = key;
        }

        @Override
        public Object getCurrentKey() {
            return key;
        }
    }

    /** Records every firing into {@code fired} and then runs an optional action. */
    private final class Recorder implements Triggerable<String> {
        private final String name;
        TimerAction onEvent = timer -> { };
        TimerAction onProcessing = timer -> { };

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void onEventTime(InternalTimer<String> timer) throws Exception {
            fired.add(name + ":event " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp());
            onEvent.run(timer);
        }

        @Override
        public void onProcessingTime(InternalTimer<String> timer) throws Exception {
            fired.add(name + ":processing " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp());
            onProcessing.run(timer);
        }

        @Override
        public String toString() {
            return "Recorder(" + name + ")";
        }
    }

    /** Something a test does when a timer fires. */
    private interface TimerAction {
        void run(InternalTimer<String> timer) throws Exception;
    }
}
