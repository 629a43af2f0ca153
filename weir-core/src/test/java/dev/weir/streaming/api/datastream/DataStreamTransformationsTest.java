package dev.weir.streaming.api.datastream;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.JobStatus;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.util.CloseableIterator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.util.Collector;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class DataStreamTransformationsTest {

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @CsvSource({"1,true", "1,false", "4,true", "4,false"})
    void mapFilterAndFlatMapGiveTheSameResultsAtAnyParallelismWithOrWithoutChaining(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        if (!chaining) {
            env.disableOperatorChaining();
        }
        DataStream<Long> result = env.fromSequence(1, 1000)
                .map(x -> x * 3)
                .filter(x -> x % 2 == 0)
                .flatMap((FlatMapFunction<Long, Long>) (x, out) -> {
                    out.collect(x);
                    out.collect(-x);
                });
        List<Long> expected = LongStream.rangeClosed(1, 1000).map(x -> x * 3).filter(x -> x % 2 == 0)
                .flatMap(x -> LongStream.of(x, -x)).sorted().boxed().collect(Collectors.toList());
        assertThat(Jobs.collectSorted(result)).isEqualTo(expected);
    }

    @Test
    void fromSequenceReadsEveryNumberOnceAcrossParallelSubtasks() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        List<Long> numbers = Jobs.collectSorted(env.fromSequence(-5, 100_000));
        assertThat(numbers).hasSize(100_006);
        assertThat(numbers.get(0)).isEqualTo(-5L);
        assertThat(numbers.get(numbers.size() - 1)).isEqualTo(100_000L);
        assertThat(numbers.stream().distinct().count()).isEqualTo(100_006);
    }

    @Test
    void keyedReduceEmitsTheRunningValuePerKeyInInputOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Tuple2<String, Integer>> out = Jobs.collect(env
                .fromData(Tuple2.of("a", 1), Tuple2.of("b", 10), Tuple2.of("a", 2), Tuple2.of("b", 20), Tuple2.of("a", 3))
                .keyBy(t -> t.f0)
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1)));
        assertThat(out.stream().filter(t -> t.f0.equals("a")).map(t -> t.f1)).containsExactly(1, 3, 6);
        assertThat(out.stream().filter(t -> t.f0.equals("b")).map(t -> t.f1)).containsExactly(10, 30);
    }

    @Test
    void fieldAggregationsFollowFlinkSemantics() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Tuple2<String, Integer>> input = env.fromData(Tuple2.of("k", 5), Tuple2.of("k", 3), Tuple2.of("k", 9));
        List<Tuple2<String, Integer>> sums = Jobs.collect(input.keyBy(t -> t.f0).sum(1));
        assertThat(sums).extracting(t -> t.f1).containsExactly(5, 8, 17);

        StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Tuple2<String, Integer>> maxes = Jobs.collect(env2
                .fromData(Tuple2.of("k", 5), Tuple2.of("k", 3), Tuple2.of("k", 9)).keyBy(t -> t.f0).max(1));
        assertThat(maxes).extracting(t -> t.f1).containsExactly(5, 5, 9);
    }

    @Test
    void unionMergesStreamsOfDifferentParallelism() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> a = env.fromData(1L, 2L, 3L);
        DataStream<Long> b = env.fromSequence(10, 12);
        DataStream<Long> c = env.fromData(100L).map(x -> x + 1).setParallelism(1);
        assertThat(Jobs.collectSorted(a.union(b, c))).containsExactly(1L, 2L, 3L, 10L, 11L, 12L, 101L);
    }

    @Test
    void aStreamReadByTwoOperatorsFeedsBothWithEveryElement() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> numbers = env.fromSequence(1, 5);
        DataStream<String> tens = numbers.map(x -> "t" + x * 10);
        DataStream<String> squares = numbers.map(x -> "s" + x * x);
        assertThat(Jobs.collectSorted(tens.union(squares)))
                .containsExactly("s1", "s16", "s25", "s4", "s9", "t10", "t20", "t30", "t40", "t50");
    }

    @Test
    void partitioningsDeliverEveryElementAndBroadcastDeliversToEverySubtask() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        DataStream<Long> in = env.fromSequence(1, 30);
        assertThat(Jobs.collect(in.rebalance().map(x -> x))).hasSize(30);
        StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(3);
        assertThat(Jobs.collect(env2.fromSequence(1, 30).shuffle().map(x -> x))).hasSize(30);
        StreamExecutionEnvironment env3 = StreamExecutionEnvironment.createLocalEnvironment(3);
        assertThat(Jobs.collect(env3.fromData(7L).broadcast().map(x -> x))).containsExactly(7L, 7L, 7L);
        StreamExecutionEnvironment env4 = StreamExecutionEnvironment.createLocalEnvironment(3);
        List<Integer> subtasks = Jobs.collect(env4.fromSequence(1, 30).global().map(new RichMapFunction<Long, Integer>() {
            @Override
            public Integer map(Long value) {
                return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            }
        }));
        assertThat(subtasks).hasSize(30).containsOnly(0);
    }

    @Test
    void richFunctionsAreOpenedWithTheirSubtaskAndClosed() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        List<String> out = Jobs.collectSorted(env.fromSequence(1, 3).rebalance().map(new RichMapFunction<Long, String>() {
            private String prefix;

            @Override
            public void open(OpenContext openContext) {
                prefix = getRuntimeContext().getIndexOfThisSubtask() + "/" + getRuntimeContext().getNumberOfParallelSubtasks();
            }

            @Override
            public String map(Long value) {
                return prefix;
            }
        }));
        assertThat(out).hasSize(3).allMatch(s -> s.endsWith("/3"));
    }

    @Test
    void accumulatorsOfAllSubtasksAreMergedIntoTheJobResult() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(1, 1000).map(new RichMapFunction<Long, Long>() {
            private final dev.weir.api.common.accumulators.LongCounter sum = new dev.weir.api.common.accumulators.LongCounter();

            @Override
            public void open(OpenContext openContext) {
                getRuntimeContext().addAccumulator("sum", sum);
            }

            @Override
            public Long map(Long value) {
                sum.add(value.longValue());
                return value;
            }
        }).sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        JobExecutionResult result = env.execute("accumulate");
        assertThat(result.<Long>getAccumulatorResult("sum")).isEqualTo(500_500L);
        assertThat(result.getNetRuntime()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void executeCanBeCalledAgainAndJobsSideBySideDoNotInterfere() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CloseableIterator<Long> first = env.fromSequence(1, 50_000).map(x -> x * 2).executeAndCollect("first");
        CloseableIterator<Long> second = env.fromSequence(1, 50_000).map(x -> -x).executeAndCollect("second");
        long sumFirst = 0;
        long sumSecond = 0;
        while (first.hasNext() || second.hasNext()) {
            if (first.hasNext()) {
                sumFirst += first.next();
            }
            if (second.hasNext()) {
                sumSecond += second.next();
            }
        }
        assertThat(sumFirst).isEqualTo(2 * 50_000L * 50_001 / 2);
        assertThat(sumSecond).isEqualTo(-50_000L * 50_001 / 2);
        first.close();
        second.close();
    }

    @Test
    void executeAndCollectWithALimitStopsAnUnboundedJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> endless = env.fromSource(
                new dev.weir.connector.datagen.source.DataGeneratorSource<>(i -> i, Long.MAX_VALUE),
                dev.weir.api.common.eventtime.WatermarkStrategy.noWatermarks(), "endless");
        assertThat(endless.executeAndCollect(5)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    /** A generator with a field: each subtask must have its own, as Flink gives each subtask a copy of the source. */
    static final class CountingGenerator implements dev.weir.connector.datagen.source.GeneratorFunction<Long, Long> {
        private long calls;

        @Override
        public Long map(Long index) {
            return ++calls;
        }
    }

    @Test
    void eachSourceSubtaskGetsItsOwnCopyOfTheSource() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Long> counts = env.fromSource(new dev.weir.connector.datagen.source.DataGeneratorSource<>(new CountingGenerator(), 1000),
                dev.weir.api.common.eventtime.WatermarkStrategy.noWatermarks(), "counting");
        List<Long> out = Jobs.collectSorted(counts);
        // Two subtasks of 500 indexes each, each counting its own calls: 1..500 twice, never a shared count to 1000.
        assertThat(out).hasSize(1000);
        assertThat(out.get(out.size() - 1)).isEqualTo(500L);
        assertThat(out.stream().filter(c -> c == 1L)).hasSize(2);
    }

    @Test
    void jobClientReportsStatusAndCancels() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(new dev.weir.connector.datagen.source.DataGeneratorSource<>(i -> i, Long.MAX_VALUE),
                dev.weir.api.common.eventtime.WatermarkStrategy.noWatermarks(), "endless")
                .sinkTo(new dev.weir.streaming.api.functions.sink.v2.DiscardingSink<>());
        JobClient client = env.executeAsync("endless");
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        client.cancel().get();
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
        assertThat(client.getJobExecutionResult()).isCompletedExceptionally();
    }

    @Test
    void anAddSinkFunctionSeesEveryElementAndFinishesOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        env.fromData("x", "y").addSink(new dev.weir.streaming.api.functions.sink.SinkFunction<String>() {
            @Override
            public void invoke(String value, Context context) {
                seen.add(value);
            }

            @Override
            public void finish() {
                seen.add("finish");
            }
        });
        env.execute();
        assertThat(seen).containsExactly("x", "y", "finish");
    }

    static final class Words implements FlatMapFunction<String, String> {
        @Override
        public void flatMap(String line, Collector<String> out) {
            for (String w : line.split(" ")) {
                out.collect(w);
            }
        }
    }
}
