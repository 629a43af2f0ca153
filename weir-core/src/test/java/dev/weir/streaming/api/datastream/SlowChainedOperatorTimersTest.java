package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A source task polls its reader many times per call; timers that fall due meanwhile (the periodic watermark, the
 * chained operators' processing-time timers) must not wait for the whole call when the chain is slow.
 */
@Timeout(60)
class SlowChainedOperatorTimersTest {

    @Test
    void periodicWatermarksAdvanceWhileASlowOperatorChainedToTheSourceWorksThroughItsInput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().setAutoWatermarkInterval(10);
        DataStream<String> seen = env.fromSource(new Countdown(100), WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((n, ts) -> 1_000 - n), "countdown")
                .map(n -> {
                    Thread.sleep(3);
                    return n;
                })
                .process(new WatermarkSeen());
        List<String> out = Jobs.collect(seen);
        // 100 elements 3 ms apart take 300 ms: element 40 comes 120 ms, twelve watermark intervals, after the first.
        // Before the fix, one call ran 64 polls, and every one of the first 64 elements saw no watermark at all.
        long watermarkAtElement40 = Long.parseLong(out.get(39).split(" ")[1]);
        assertThat(out).hasSize(100);
        assertThat(watermarkAtElement40).as("the watermark element 40 (timestamp 939) saw; elements 31 to 50 saw: %s", out.subList(30, 50))
                .isGreaterThanOrEqualTo(920);
    }

    /** "timestamp watermark" for each element, with the watermark this operator had seen before it. */
    static final class WatermarkSeen extends ProcessFunction<Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            out.collect(ctx.timestamp() + " " + ctx.timerService().currentWatermark());
        }
    }

    /** Emits n, n-1, ..., 1, one per poll. */
    static final class Countdown implements Source<Long> {
        private final long from;

        Countdown(long from) {
            this.from = from;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SourceReader<Long> createReader(SourceReaderContext ctx) {
            return new SourceReader<>() {
                long next = from;

                @Override
                public InputStatus pollNext(dev.weir.api.connector.source.ReaderOutput<Long> output) {
                    if (next == 0) {
                        return InputStatus.END_OF_INPUT;
                    }
                    output.collect(next--);
                    return InputStatus.MORE_AVAILABLE;
                }
            };
        }
    }
}
