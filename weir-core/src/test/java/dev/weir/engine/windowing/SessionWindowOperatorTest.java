package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ReplayVerifier;
import dev.weir.testing.WindowHarnessBuilder;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The in-place session operator ({@link SessionWindowOperator}) gives exactly the generic {@link WindowOperator}'s
 * output, in the same order, and survives a restore after every element.
 */
@Timeout(120)
class SessionWindowOperatorTest {
    private static final KeySelector<Tuple2<String, String>, String> KEY = t -> t.f0;
    private static final OutputTag<Tuple2<String, String>> LATE = new OutputTag<>("late") {
    };
    /** Not commutative: the output shows in which order partial aggregates were combined. */
    private static final ReduceFunction<Tuple2<String, String>> CONCAT = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

    private static HarnessRecord in(String key, String value, long timestamp) {
        return HarnessRecord.of(Tuple2.of(key, value), timestamp);
    }

    private static WindowHarnessBuilder<Tuple2<String, String>, String, TimeWindow> sessions() {
        return OneInputHarness.forWindow(KEY, EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
    }

    @Test
    void aLateElementBridgesTwoSessionsAndOneTouchingNoSessionGoesToTheSideOutputAcrossEveryRestore() throws Exception {
        ReplayVerifier.of(() -> sessions().sideOutputLateData(LATE).reduce(CONCAT))
                .input(in("a", "1", 20), in("a", "2", 35), in("b", "3", 0), HarnessRecord.watermark(28),
                        // late (27 <= 28), but its window [27, 37) touches [20, 30) and [35, 45): it joins both
                        in("a", "4", 27),
                        // late and touching nothing: b's session fired at 9
                        in("b", "5", 5),
                        in("b", "6", 40), HarnessRecord.watermark(50))
                .expectOutput(HarnessRecord.of(Tuple2.of("b", "3"), 9L), HarnessRecord.of(Tuple2.of("a", "124"), 44L),
                        HarnessRecord.of(Tuple2.of("b", "6"), 49L))
                .verify();
    }

    @Test
    void sessionsInACheckpointRestoreIntoTwoSubtasksByKeyGroupAndFireThere() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Tuple2<String, String>, Tuple2<String, String>> harness = sessions().reduce(CONCAT)) {
            harness.open();
            for (int k = 0; k < 20; k++) {
                harness.processElement(Tuple2.of("k" + k, "a"), k);
                harness.processElement(Tuple2.of("k" + k, "b"), k + 5);
            }
            snapshot = harness.snapshot();
        }
        List<String> fired = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            try (OneInputHarness<Tuple2<String, String>, Tuple2<String, String>> harness =
                         sessions().reduce(CONCAT).withSubtask(subtask, 2, 128)) {
                harness.restore(snapshot);
                harness.open();
                harness.processWatermark(Long.MAX_VALUE);
                for (HarnessRecord record : harness.getOutput()) {
                    if (!record.isWatermark()) {
                        fired.add(record.toString());
                    }
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            expected.add("(k" + k + ",ab)@" + (k + 14));
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCheckpointOfTheGenericOperatorsSessionsIsRefusedRatherThanLost() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Tuple2<String, String>, Tuple2<String, String>> generic =
                     sessions().trigger(EventTimeTrigger.create()).reduce(CONCAT)) {
            generic.open();
            generic.processElement(Tuple2.of("a", "x"), 1);
            snapshot = generic.snapshot();
        }
        try (OneInputHarness<Tuple2<String, String>, Tuple2<String, String>> inPlace = sessions().reduce(CONCAT)) {
            inPlace.restore(snapshot);
            assertThatThrownBy(inPlace::open)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot restore the session windows of key a: the checkpoint holds them in the "
                            + "generic window operator's 'merging-window-set' state, from an earlier Weir version. Restore it "
                            + "with the Weir version that wrote it, or start without it");
        }
    }

    @Test
    void randomInputsGiveTheGenericOperatorsOutputInTheSameOrder() throws Exception {
        for (int seed = 0; seed < 25; seed++) {
            List<Object[]> input = randomInput(seed, 200, random -> "k" + random.nextInt(4),
                    i -> String.valueOf((char) ('a' + i % 26)));
            List<String> inPlace = run(sessions().sideOutputLateData(LATE).reduce(CONCAT), input, LATE);
            // An explicit EventTimeTrigger is the default trigger, but it sends the window to the generic operator.
            List<String> generic = run(sessions().sideOutputLateData(LATE).trigger(EventTimeTrigger.create()).reduce(CONCAT), input,
                    LATE);
            assertThat(inPlace).as("seed %d", seed).isEqualTo(generic);
            assertThat(inPlace).as("seed %d", seed).isNotEmpty();
        }
    }

    /** An accumulator of primitive fields only, which the session table keeps in its rows. */
    static class Mix {
        long hash;
        long count;
    }

    /** Not commutative: the result shows in which order elements were added and partials merged. */
    static final class Mixing implements AggregateFunction<Tuple2<Long, Long>, Mix, String> {
        @Override
        public Mix createAccumulator() {
            return new Mix();
        }

        @Override
        public Mix add(Tuple2<Long, Long> value, Mix accumulator) {
            accumulator.hash = accumulator.hash * 31 + value.f1;
            accumulator.count++;
            return accumulator;
        }

        @Override
        public String getResult(Mix accumulator) {
            return accumulator.hash + "/" + accumulator.count;
        }

        @Override
        public Mix merge(Mix a, Mix b) {
            a.hash = a.hash * 1_000_003 + b.hash;
            a.count += b.count;
            return a;
        }
    }

    /** Emits the key, the window and the aggregate. */
    static final class Describe extends ProcessWindowFunction<String, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<String> elements, Collector<String> out) {
            out.collect(key + " " + context.window() + " " + elements.iterator().next() + " wm " + context.currentWatermark());
        }
    }

    private static final KeySelector<Tuple2<Long, Long>, Long> LONG_KEY = t -> t.f0;
    private static final OutputTag<Tuple2<Long, Long>> LONG_LATE = new OutputTag<>("late") {
    };

    private static WindowHarnessBuilder<Tuple2<Long, Long>, Long, TimeWindow> longSessions(boolean generic) {
        WindowHarnessBuilder<Tuple2<Long, Long>, Long, TimeWindow> builder =
                OneInputHarness.forWindow(LONG_KEY, EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
        builder.sideOutputLateData(LONG_LATE);
        // An explicit EventTimeTrigger is the default trigger, but it sends the window to the generic operator.
        return generic ? builder.trigger(EventTimeTrigger.create()) : builder;
    }

    @Test
    void accumulatorsKeptInTheTablesRowsGiveTheGenericOperatorsOutputInTheSameOrder() throws Exception {
        for (int seed = 0; seed < 25; seed++) {
            List<Object[]> input = randomInput(seed, 300, random -> (long) random.nextInt(6) - 2, i -> (long) i);
            boolean describe = seed % 2 == 0;
            List<String> inPlace = run(describe ? longSessions(false).aggregate(new Mixing(), new Describe())
                    : longSessions(false).aggregate(new Mixing()), input, LONG_LATE);
            List<String> generic = run(describe ? longSessions(true).aggregate(new Mixing(), new Describe())
                    : longSessions(true).aggregate(new Mixing()), input, LONG_LATE);
            assertThat(inPlace).as("seed %d", seed).isEqualTo(generic);
            assertThat(inPlace).as("seed %d", seed).hasSizeGreaterThan(10);
        }
    }

    /** Sum and count of the values, in an accumulator of primitive fields. */
    static final class Summing implements AggregateFunction<Tuple2<Long, Long>, Mix, String> {
        @Override
        public Mix createAccumulator() {
            return new Mix();
        }

        @Override
        public Mix add(Tuple2<Long, Long> value, Mix accumulator) {
            accumulator.hash += value.f1;
            accumulator.count++;
            return accumulator;
        }

        @Override
        public String getResult(Mix accumulator) {
            return accumulator.hash + "/" + accumulator.count;
        }

        @Override
        public Mix merge(Mix a, Mix b) {
            a.hash += b.hash;
            a.count += b.count;
            return a;
        }
    }

    @Test
    void aKeyWhoseSessionsAllFiredStartsAfreshAndAnElementBetweenTwoOfItsSessionsBridgesThemAcrossEveryRestore()
            throws Exception {
        ReplayVerifier.of(() -> longSessions(false).aggregate(new Summing()))
                .input(HarnessRecord.of(Tuple2.of(1L, 1L), 0), HarnessRecord.watermark(20),
                        // key 1's only session fired at 9: this one starts afresh
                        HarnessRecord.of(Tuple2.of(1L, 2L), 30), HarnessRecord.of(Tuple2.of(1L, 3L), 45),
                        HarnessRecord.of(Tuple2.of(2L, 4L), 50), HarnessRecord.watermark(38),
                        // behind the watermark, but its window [36, 46) touches [30, 40) and [45, 55): all three merge
                        HarnessRecord.of(Tuple2.of(1L, 5L), 36), HarnessRecord.watermark(100))
                .expectOutput(HarnessRecord.of("1/1", 9L), HarnessRecord.of("10/3", 54L), HarnessRecord.of("4/1", 59L))
                .verify();
    }

    /**
     * {@code count} items of random input: watermarks (an item of one long) and elements (key, value, timestamp), mostly
     * around the watermark, some well before it: late ones and late ones that bridge sessions.
     */
    private static List<Object[]> randomInput(long seed, int count, Function<Random, Object> key, IntFunction<Object> value) {
        Random random = new Random(seed);
        List<Object[]> input = new ArrayList<>();
        long watermark = 0;
        for (int i = 0; i < count; i++) {
            if (random.nextInt(8) == 0) {
                watermark += random.nextInt(15);
                input.add(new Object[] {watermark});
            } else {
                long timestamp = Math.max(0, watermark - 20 + random.nextInt(45));
                input.add(new Object[] {key.apply(random), value.apply(i), timestamp});
            }
        }
        return input;
    }

    /** Runs {@code input} (watermarks, and elements of key, value and timestamp) to the end; the output and late data. */
    @SuppressWarnings("unchecked")
    private static <K, V> List<String> run(OneInputHarness<Tuple2<K, V>, ?> harness, List<Object[]> input, OutputTag<Tuple2<K, V>> late)
            throws Exception {
        List<String> out = new ArrayList<>();
        try (harness) {
            harness.open();
            for (Object[] item : input) {
                if (item.length == 1) {
                    harness.processWatermark((Long) item[0]);
                } else {
                    harness.processElement(Tuple2.of((K) item[0], (V) item[1]), (Long) item[2]);
                }
            }
            harness.processWatermark(Long.MAX_VALUE);
            for (HarnessRecord record : harness.getOutput()) {
                out.add(record.toString());
            }
            out.add("late " + harness.getSideOutput(late));
        }
        return out;
    }
}
