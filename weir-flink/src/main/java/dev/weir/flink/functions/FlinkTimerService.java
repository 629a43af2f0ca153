package dev.weir.flink.functions;

import dev.weir.streaming.api.TimerService;

/** Weir's timer service on Flink's timer service of the current call; one per wrapper, re-aimed per call. */
final class FlinkTimerService implements TimerService {
    private org.apache.flink.streaming.api.TimerService flink;

    FlinkTimerService aim(org.apache.flink.streaming.api.TimerService flink) {
        this.flink = flink;
        return this;
    }

    @Override
    public long currentProcessingTime() {
        return flink.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return flink.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        flink.registerProcessingTimeTimer(time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        flink.registerEventTimeTimer(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        flink.deleteProcessingTimeTimer(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        flink.deleteEventTimeTimer(time);
    }
}
