package dev.weir.cli;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;

/** A job for {@code weir run} that runs until it is stopped: numbers at 1,000 a second into a discarding sink. */
public final class EndlessJob {
    private EndlessJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1000)),
                WatermarkStrategy.noWatermarks(), "numbers").sinkTo(new DiscardingSink<>());
        env.execute("endless");
    }
}
