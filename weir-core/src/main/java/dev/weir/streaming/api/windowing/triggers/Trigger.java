package dev.weir.streaming.api.windowing.triggers;

import dev.weir.metrics.MetricGroup;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.streaming.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window fires and when it is purged, as in Flink. The runtime calls it for each element added to a
 * window and for each timer it registered; state and timers it uses are scoped to the key and the window, and
 * {@link #clear} must release them when the window is dropped.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether this trigger supports merging windows (needed by session windows). */
    public boolean canMerge() {
        return false;
    }

    /** Called when windows merged into {@code window}: re-register timers and merge state here. */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException("This trigger does not support merging.");
    }

    /** Removes whatever the trigger keeps for {@code window}: timers and partitioned state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger may use: time, timers and state for the current key and window. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        MetricGroup getMetricGroup();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State scoped to the current key and window; e.g. a {@code ReducingState} from a {@code ReducingStateDescriptor}. */
        <S extends State> S getPartitionedState(StateDescriptor<?> stateDescriptor);
    }

    /** The context of {@link #onMerge}: can also merge partitioned state of the merged windows into the result. */
    public interface OnMergeContext extends TriggerContext {
        /** Merges the given reducing or list state of the merged windows into the resulting window's. */
        void mergePartitionedState(StateDescriptor<?> stateDescriptor);
    }
}
