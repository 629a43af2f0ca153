package dev.weir.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.util.Collector;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The number sequence source in a job, where its task takes the numbers unboxed: records, timestamps, order. */
@Timeout(60)
class NumberSequenceSourceJobTest {

    @Test
    void everyNumberCarriesTheTimestampItsWatermarkStrategyAssigns() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<String> stamped = env.fromSource(new NumberSequenceSource(1, 5),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n * 10),
                        "numbers")
                .process(new WithTimestamp());

        assertThat(Jobs.collect(stamped)).containsExactly("1@10", "2@20", "3@30", "4@40", "5@50");
    }

    @Test
    void fromSequenceWithoutAStrategyEmitsEveryNumberOnceWithoutATimestamp() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<String> expected = LongStream.rangeClosed(1, 3000).mapToObj(n -> n + "@null").sorted().toList();

        assertThat(Jobs.collectSorted(env.fromSequence(1, 3000).process(new WithTimestamp()))).isEqualTo(expected);
    }

    /** "value@timestamp", or "value@null" for an element without one. */
    private static final class WithTimestamp extends ProcessFunction<Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }
}
