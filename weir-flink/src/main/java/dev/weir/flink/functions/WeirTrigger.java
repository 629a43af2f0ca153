package dev.weir.flink.functions;

import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.flink.state.FlinkStateStore;
import dev.weir.metrics.MetricGroup;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.Window;

/**
 * Runs a Weir {@link dev.weir.streaming.api.windowing.triggers.Trigger} (count, continuous, purging or the user's
 * own) as Flink's: its timers go to Flink's timer service and its per-window state to Flink's window state.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class WeirTrigger extends Trigger<Object, Window> {
    private static final long serialVersionUID = 1L;
    private final dev.weir.streaming.api.windowing.triggers.Trigger weir;
    private transient ContextAdapter context;

    public WeirTrigger(dev.weir.streaming.api.windowing.triggers.Trigger<?, ?> weir) {
        this.weir = weir;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) throws Exception {
        return toFlink(weir.onElement(element, timestamp, WeirWindowFunction.toWeir(window), context(ctx, null)));
    }

    @Override
    public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) throws Exception {
        return toFlink(weir.onProcessingTime(time, WeirWindowFunction.toWeir(window), context(ctx, null)));
    }

    @Override
    public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) throws Exception {
        return toFlink(weir.onEventTime(time, WeirWindowFunction.toWeir(window), context(ctx, null)));
    }

    @Override
    public boolean canMerge() {
        return weir.canMerge();
    }

    @Override
    public void onMerge(Window window, OnMergeContext ctx) throws Exception {
        weir.onMerge(WeirWindowFunction.toWeir(window), context(ctx, ctx));
    }

    @Override
    public void clear(Window window, TriggerContext ctx) throws Exception {
        weir.clear(WeirWindowFunction.toWeir(window), context(ctx, null));
    }

    @Override
    public String toString() {
        return weir.toString();
    }

    private ContextAdapter context(TriggerContext flink, OnMergeContext merging) {
        if (context == null) {
            context = new ContextAdapter();
        }
        context.flink = flink;
        context.merging = merging;
        context.stateStore.context = flink;
        return context;
    }

    private static TriggerResult toFlink(dev.weir.streaming.api.windowing.triggers.TriggerResult weir) {
        return switch (weir) {
            case CONTINUE -> TriggerResult.CONTINUE;
            case FIRE -> TriggerResult.FIRE;
            case PURGE -> TriggerResult.PURGE;
            case FIRE_AND_PURGE -> TriggerResult.FIRE_AND_PURGE;
        };
    }

    /** Flink's trigger context of the current call as Weir's. */
    private static final class ContextAdapter implements dev.weir.streaming.api.windowing.triggers.Trigger.OnMergeContext {
        private final TriggerContextStateStore stateStore = new TriggerContextStateStore();
        private final FlinkStateStore state = new FlinkStateStore(stateStore);
        private TriggerContext flink;
        private OnMergeContext merging;

        @Override
        public long getCurrentProcessingTime() {
            return flink.getCurrentProcessingTime();
        }

        @Override
        public MetricGroup getMetricGroup() {
            return new FlinkMetricGroup(flink.getMetricGroup());
        }

        @Override
        public long getCurrentWatermark() {
            return flink.getCurrentWatermark();
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

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<?> stateDescriptor) {
            return (S) state.get(stateDescriptor);
        }

        @Override
        public void mergePartitionedState(StateDescriptor<?> stateDescriptor) {
            if (merging == null) {
                throw new IllegalStateException("mergePartitionedState is only valid in onMerge");
            }
            merging.mergePartitionedState((org.apache.flink.api.common.state.StateDescriptor) FlinkStateStore.mergingDescriptor(stateDescriptor));
        }
    }
}
