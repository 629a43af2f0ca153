package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.builtin.FromElementsSource;
import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;

/** A test event: key, timestamp, value, and a watermark the source emits right after it (or none). */
record Ev(String key, long ts, int value, long watermarkAfter) {
    static final long NONE = Long.MIN_VALUE;

    static Ev of(String key, long ts) {
        return new Ev(key, ts, 1, NONE);
    }

    static Ev of(String key, long ts, int value) {
        return new Ev(key, ts, value, NONE);
    }

    static Ev wm(String key, long ts, long watermarkAfter) {
        return new Ev(key, ts, 1, watermarkAfter);
    }

    /** Timestamps from the events and watermarks exactly where the events say, so lateness is deterministic. */
    static WatermarkStrategy<Ev> punctuated() {
        return WatermarkStrategy.<Ev>forGenerator(ctx -> new WatermarkGenerator<Ev>() {
            @Override
            public void onEvent(Ev event, long eventTimestamp, WatermarkOutput output) {
                if (event.watermarkAfter() != NONE) {
                    output.emitWatermark(new Watermark(event.watermarkAfter()));
                }
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((e, ts) -> e.ts());
    }

    static DataStream<Ev> source(StreamExecutionEnvironment env, Ev... events) {
        return env.fromSource(new FromElementsSource<>(java.util.List.of(events)), punctuated(), "events");
    }
}
