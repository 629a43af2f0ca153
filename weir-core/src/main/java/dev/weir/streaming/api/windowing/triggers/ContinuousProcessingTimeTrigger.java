package dev.weir.streaming.api.windowing.triggers;

import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/** Fires every {@code interval} of processing time of processing time while the window is open. */
public class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long interval;
    private final ReducingStateDescriptor<Long> stateDesc = new ReducingStateDescriptor<>("fire-time", new Min(), Long.class);

    private ContinuousProcessingTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousProcessingTimeTrigger needs a positive interval, was " + interval + " ms");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(Objects.requireNonNull(interval, "interval").toMillis());
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Time interval) {
        return new ContinuousProcessingTimeTrigger<>(Objects.requireNonNull(interval, "interval").toMilliseconds());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTimestamp = ctx.getPartitionedState(stateDesc);
        long now = ctx.getCurrentProcessingTime();
        if (fireTimestamp.get() == null) {
            registerNextFireTimestamp(now - (now % interval), window, ctx, fireTimestamp);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTimestampState = ctx.getPartitionedState(stateDesc);
        Long fireTimestamp = fireTimestampState.get();
        if (fireTimestamp != null && fireTimestamp == time) {
            fireTimestampState.clear();
            registerNextFireTimestamp(time, window, ctx, fireTimestampState);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTimestamp = ctx.getPartitionedState(stateDesc);
        Long timestamp = fireTimestamp.get();
        if (timestamp != null) {
            ctx.deleteProcessingTimeTimer(timestamp);
            fireTimestamp.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(stateDesc);
        Long nextFireTimestamp = ctx.<ReducingState<Long>>getPartitionedState(stateDesc).get();
        if (nextFireTimestamp != null) {
            ctx.registerProcessingTimeTimer(nextFireTimestamp);
        }
    }

    private void registerNextFireTimestamp(long time, W window, TriggerContext ctx, ReducingState<Long> fireTimestamp) throws Exception {
        long nextFireTimestamp = Math.min(time + interval, window.maxTimestamp());
        fireTimestamp.add(nextFireTimestamp);
        ctx.registerProcessingTimeTimer(nextFireTimestamp);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
