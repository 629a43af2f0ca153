package dev.weir.engine.windowing;

import dev.weir.metrics.MetricGroup;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.triggers.TriggerResult;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.engine.state.InternalKvState;
import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.time.InternalTimerService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one context through which the window operator calls its trigger: the operator points it at a window, then
 * calls the trigger through it. Timers and partitioned state are scoped to the current key and that window.
 */
final class WindowTriggerContext implements Trigger.OnMergeContext {
    private final Trigger<Object, Window> trigger;
    private final KeyedStateBackend backend;
    private final InternalTimerService<Window> timers;
    private final MetricGroup metricGroup;
    Window window;
    private Collection<Window> mergedWindows;

    WindowTriggerContext(Trigger<Object, Window> trigger, KeyedStateBackend backend, InternalTimerService<Window> timers, MetricGroup metricGroup) {
        this.trigger = trigger;
        this.backend = backend;
        this.timers = timers;
        this.metricGroup = metricGroup;
    }

    TriggerResult onElement(Object value, long timestamp) throws Exception {
        return trigger.onElement(value, timestamp, window, this);
    }

    TriggerResult onEventTime(long time) throws Exception {
        return trigger.onEventTime(time, window, this);
    }

    TriggerResult onProcessingTime(long time) throws Exception {
        return trigger.onProcessingTime(time, window, this);
    }

    void onMerge(Collection<Window> merged) throws Exception {
        this.mergedWindows = merged;
        try {
            trigger.onMerge(window, this);
        } finally {
            this.mergedWindows = null;
        }
    }

    void clear() throws Exception {
        trigger.clear(window, this);
    }

    @Override
    public long getCurrentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public MetricGroup getMetricGroup() {
        return metricGroup;
    }

    @Override
    public long getCurrentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(window, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(window, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(window, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(window, time);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<?> stateDescriptor) {
        if (stateDescriptor == null) {
            throw new NullPointerException("The state descriptor must not be null");
        }
        S state = backend.getOrCreateState(stateDescriptor);
        ((InternalKvState<Object>) state).setCurrentNamespace(window);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergePartitionedState(StateDescriptor<?> stateDescriptor) {
        if (mergedWindows == null || mergedWindows.isEmpty()) {
            return;
        }
        State state = backend.getOrCreateState(stateDescriptor);
        InternalKvState<Object> namespaced = (InternalKvState<Object>) state;
        try {
            if (state instanceof ReducingState<?> reducing) {
                mergeReducing((ReducingState<Object>) reducing, namespaced, ((ReducingStateDescriptor<Object>) stateDescriptor));
            } else if (state instanceof ListState<?> list) {
                mergeList((ListState<Object>) list, namespaced);
            } else {
                throw new UnsupportedOperationException("The given state descriptor does not refer to a mergeable state: trigger " + trigger
                        + " asked to merge '" + stateDescriptor.getName() + "' (" + stateDescriptor.getType()
                        + "); use a ReducingStateDescriptor or ListStateDescriptor for trigger state that must survive merging");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("merging trigger state '" + stateDescriptor.getName() + "' failed", e);
        }
    }

    private void mergeReducing(ReducingState<Object> state, InternalKvState<Object> namespaced, ReducingStateDescriptor<Object> descriptor)
            throws Exception {
        Object merged = null;
        for (Window source : mergedWindows) {
            namespaced.setCurrentNamespace(source);
            Object value = state.get();
            if (value != null) {
                merged = merged == null ? value : descriptor.getReduceFunction().reduce(merged, value);
                state.clear();
            }
        }
        namespaced.setCurrentNamespace(window);
        if (merged != null) {
            state.add(merged);
        }
    }

    private void mergeList(ListState<Object> state, InternalKvState<Object> namespaced) throws Exception {
        List<Object> merged = new ArrayList<>();
        for (Window source : mergedWindows) {
            namespaced.setCurrentNamespace(source);
            for (Object value : state.get()) {
                merged.add(value);
            }
            state.clear();
        }
        namespaced.setCurrentNamespace(window);
        state.addAll(merged);
    }
}
