package dev.weir.streaming.api.functions.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.watermark.Watermark;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.CloseableIterator;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The legacy {@code SourceFunction} family with {@code env.addSource}, as Flink 1.x jobs use it. */
@Timeout(60)
class SourceFunctionTest {

    @Test
    void aBoundedSourceFunctionEmitsAllItsElementsInOrderThenTheStreamEnds() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(1);
        DataStream<Long> numbers = env.addSource(new CountTo(5000), "count");
        assertThat(numbers.getParallelism()).as("a non-parallel source runs at parallelism 1").isEqualTo(1);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            expected.add(i);
        }
        assertThat(collect(numbers)).isEqualTo(expected);
    }

    @Test
    void collectWithTimestampAndEmitWatermarkDriveEventTimeWindowsAndLateElementsAreDropped() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> windows = env.addSource(new SourceFunction<Tuple2<String, Long>>() {
                    @Override
                    public void run(SourceContext<Tuple2<String, Long>> ctx) {
                        ctx.collectWithTimestamp(Tuple2.of("a", 1L), 1_000);
                        ctx.collectWithTimestamp(Tuple2.of("a", 2L), 2_000);
                        ctx.emitWatermark(new Watermark(5_000));
                        ctx.collectWithTimestamp(Tuple2.of("a", 100L), 3_000); // late: its window fired at watermark 5000
                        ctx.collectWithTimestamp(Tuple2.of("a", 4L), 6_000);
                    }

                    @Override
                    public void cancel() {
                    }
                }, "timed", Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .process(new SumWithWindow());
        assertThat(collect(windows)).containsExactly("a[0,5000)=3", "a[5000,10000)=4");
    }

    @Test
    void aWatermarkStrategyAssignedDownstreamOfTheSourceStillWorks() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> windows = env.addSource(new SourceFunction<Tuple2<String, Long>>() {
                    @Override
                    public void run(SourceContext<Tuple2<String, Long>> ctx) {
                        for (long ts : new long[] {1_000, 4_000, 5_000, 9_000, 12_000}) {
                            ctx.collect(Tuple2.of("k", ts));
                        }
                    }

                    @Override
                    public void cancel() {
                    }
                })
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .process(new SumWithWindow());
        assertThat(collect(windows)).containsExactly("k[0,5000)=5000", "k[5000,10000)=14000", "k[10000,15000)=12000");
    }

    @Test
    void aNonParallelSourceRefusesAParallelismAboveOneWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        assertThatThrownBy(() -> env.addSource(new CountTo(3), "three").setParallelism(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The parallelism of non parallel operator must be 1. Source 'three' runs a "
                        + CountTo.class.getName() + ", which is not a ParallelSourceFunction: implement "
                        + "ParallelSourceFunction (or extend RichParallelSourceFunction) to read in parallel");
    }

    @Test
    void aRichParallelSourceRunsOneOpenedInstancePerSubtaskThatKnowsItsShare() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<String> shares = env.addSource(new RichParallelSourceFunction<String>() {
            private transient String prefix;

            @Override
            public void open(OpenContext openContext) {
                prefix = getRuntimeContext().getIndexOfThisSubtask() + "/" + getRuntimeContext().getNumberOfParallelSubtasks();
            }

            @Override
            public void run(SourceContext<String> ctx) {
                for (int i = 0; i < 2; i++) {
                    ctx.collect(prefix + ":" + i);
                }
            }

            @Override
            public void cancel() {
            }
        });
        assertThat(shares.getParallelism()).isEqualTo(3);
        List<String> out = collect(shares);
        out.sort(null);
        assertThat(out).containsExactly("0/3:0", "0/3:1", "1/3:0", "1/3:1", "2/3:0", "2/3:1");
    }

    @Test
    void closingTheResultOfAnUnboundedSourceCancelsItAndItsThreadEnds() throws Exception {
        Endless.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Long> first = env.addSource(new Endless()).executeAndCollect(5);
        assertThat(first).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(Endless.closed.await(30, TimeUnit.SECONDS)).as("close() was called").isTrue();
        assertThat(Endless.cancelled).as("cancel() was called").isTrue();
        assertThat(Endless.closedAfterRunReturned).as("close() came after run() returned").isTrue();
    }

    @Test
    void anExceptionThrownByRunFailsTheJobWithIt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new SourceFunction<Integer>() {
            @Override
            public void run(SourceContext<Integer> ctx) {
                ctx.collect(1);
                throw new IllegalStateException("the feed went away");
            }

            @Override
            public void cancel() {
            }
        }, "feed").print();
        assertThatThrownBy(() -> env.execute("failing source"))
                .hasStackTraceContaining("feed")
                .hasStackTraceContaining("IllegalStateException: the feed went away");
    }

    @Test
    void markAsTemporarilyIdleLetsTheOtherInputsWatermarkThroughAUnion() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Long>> idle = env.addSource(new SourceFunction<Tuple2<String, Long>>() {
            @Override
            public void run(SourceContext<Tuple2<String, Long>> ctx) throws Exception {
                ctx.collectWithTimestamp(Tuple2.of("x", 1L), 1);
                ctx.markAsTemporarilyIdle();
                Thread.sleep(Long.MAX_VALUE); // idle until the job is cancelled
            }

            @Override
            public void cancel() {
            }
        }, "idle");
        DataStream<Tuple2<String, Long>> busy = env.addSource(new SourceFunction<Tuple2<String, Long>>() {
            @Override
            public void run(SourceContext<Tuple2<String, Long>> ctx) throws Exception {
                ctx.collectWithTimestamp(Tuple2.of("y", 2L), 2);
                ctx.emitWatermark(new Watermark(10_000));
                Thread.sleep(Long.MAX_VALUE);
            }

            @Override
            public void cancel() {
            }
        }, "busy");
        // Without the idleness mark the union's watermark would stay at the idle source's (none) and nothing fire.
        List<String> fired = idle.union(busy).keyBy(t -> "all").window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .process(new SumWithWindow()).executeAndCollect(1);
        assertThat(fired).containsExactly("all[0,5000)=3");
    }

    @Test
    void aSourceHoldingItsCheckpointLockWhileItsOutputIsFullDoesNotBlockCheckpoints() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(10);
        // 200,000 elements in one critical section: far more than the handoff holds, with checkpoints due meanwhile.
        List<Long> sums = env.addSource(new SourceFunction<Long>() {
                    @Override
                    public void run(SourceContext<Long> ctx) {
                        synchronized (ctx.getCheckpointLock()) {
                            for (long i = 1; i <= 200_000; i++) {
                                ctx.collect(i);
                            }
                        }
                    }

                    @Override
                    public void cancel() {
                    }
                }).keyBy(i -> 0).reduce(Long::sum).executeAndCollect(200_000);
        assertThat(sums.get(sums.size() - 1)).isEqualTo(200_000L * 200_001 / 2);
    }

    @Test
    void aSourceThatIsACheckpointListenerHearsOfCompletedCheckpointsUnderItsLock() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(10);
        List<String> out = collect(env.addSource(new AwaitsACheckpoint()));
        assertThat(out).containsExactly("checkpoint completed, lock held: true");
    }

    @Test
    void aSourceFunctionThatCannotBeSerializedIsRefusedWhenTheJobStartsNamingTheFix() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Object notSerializable = new Object();
        env.addSource(new SourceFunction<String>() {
            @Override
            public void run(SourceContext<String> ctx) {
                ctx.collect(notSerializable.toString());
            }

            @Override
            public void cancel() {
            }
        }, "captures").print();
        assertThatThrownBy(() -> env.execute("not serializable"))
                .hasStackTraceContaining("starts every attempt with a fresh copy of its function, as Flink deserializes it "
                        + "for every attempt, but the function (")
                .hasStackTraceContaining("cannot be serialized: java.io.NotSerializableException: java.lang.Object. Make the "
                        + "fields it captures serializable, or mark them transient and create them in open()");
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Emits 0 to n-1 under the checkpoint lock. */
    static final class CountTo implements SourceFunction<Long> {
        private final long n;
        private volatile boolean running = true;

        CountTo(long n) {
            this.n = n;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            for (long i = 0; i < n && running; i++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(i);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Counts up until cancelled; records what the runtime called, in statics (each subtask runs a copy). */
    static final class Endless extends RichSourceFunction<Long> {
        static volatile boolean cancelled;
        static volatile boolean closedAfterRunReturned;
        static volatile CountDownLatch ended;
        static volatile CountDownLatch closed;
        private volatile boolean running = true;

        static void reset() {
            cancelled = false;
            closedAfterRunReturned = false;
            ended = new CountDownLatch(1);
            closed = new CountDownLatch(1);
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            try {
                for (long i = 0; running; i++) {
                    ctx.collect(i);
                }
            } finally {
                ended.countDown();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            running = false;
        }

        @Override
        public void close() {
            closedAfterRunReturned = ended.getCount() == 0;
            closed.countDown();
        }
    }

    /** Emits one line once it heard of a completed checkpoint, then ends. */
    static final class AwaitsACheckpoint implements SourceFunction<String>, dev.weir.api.common.state.CheckpointListener {
        private volatile long completed = -1;
        private volatile boolean lockHeld;
        private transient volatile Object lock;

        @Override
        public void run(SourceContext<String> ctx) throws InterruptedException {
            lock = ctx.getCheckpointLock();
            while (completed < 0) {
                Thread.sleep(1);
            }
            ctx.collect("checkpoint completed, lock held: " + lockHeld);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            lockHeld = lock != null && Thread.holdsLock(lock);
            completed = checkpointId;
        }

        @Override
        public void cancel() {
        }
    }

    /** "key[start,end)=sum of f1". */
    static final class SumWithWindow extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            long sum = 0;
            for (Tuple2<String, Long> t : elements) {
                sum += t.f1;
            }
            out.collect(key + "[" + context.window().getStart() + "," + context.window().getEnd() + ")=" + sum);
        }
    }
}
