package dev.weir.engine.windowing;

import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.util.OutputTag;
import dev.weir.api.common.functions.RichFunction;
import dev.weir.metrics.Counter;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.runtime.operators.windowing.TimestampedValue;
import dev.weir.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.triggers.TriggerResult;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.metrics.MetricGroup;
import dev.weir.engine.operators.AbstractStreamOperator;
import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.Output;
import dev.weir.engine.operators.TimestampedCollector;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.Triggerable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

/**
 * Flink's window operator: assigns each element to windows, keeps each window's contents in keyed state under the
 * window as namespace, asks the trigger when to fire and purge, merges session windows, drops or side-outputs late
 * elements, and clears each window when the watermark (or, in processing time, the clock) passes
 * {@code maxTimestamp() + allowedLateness}. With an evictor the window keeps its elements with their timestamps and
 * the evictor edits them before and after the function.
 */
public final class WindowOperator extends AbstractStreamOperator implements OneInputOperator, Triggerable<Window>, WindowFunctionContext {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    private final WindowAssigner<Object, Window> assigner;
    private final Trigger<Object, Window> trigger;
    private final Evictor<Object, Window> evictor;
    private final long allowedLateness;
    private final OutputTag<?> lateDataOutputTag;
    private final WindowContents.Factory contentsFactory;
    private final InternalWindowFunction function;

    private WindowContents contents;
    private InternalTimerService<Window> timerService;
    private WindowTriggerContext triggerContext;
    private ValueState<HashMap<Window, Window>> mergingWindowsState;
    private NamespacedStateStore windowStateStore;
    private NamespacedStateStore globalStateStore;
    private TimestampedCollector collector;
    private Counter numLateRecordsDropped;
    private WindowAssigner.WindowAssignerContext assignerContext;
    private Evictor.EvictorContext evictorContext;
    private Window firingWindow;
    private final ValuesView values = new ValuesView();

    /**
     * @param contentsFactory makes the window contents once the keyed state backend is known
     */
    WindowOperator(WindowAssigner<Object, Window> assigner, Trigger<Object, Window> trigger, Evictor<Object, Window> evictor,
                          long allowedLateness, OutputTag<?> lateDataOutputTag, WindowContents.Factory contentsFactory,
                          InternalWindowFunction function) {
        this.assigner = assigner;
        this.trigger = trigger;
        this.evictor = evictor;
        this.allowedLateness = allowedLateness;
        this.lateDataOutputTag = lateDataOutputTag;
        this.contentsFactory = contentsFactory;
        this.function = function;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        if (keyedState == null) {
            throw new IllegalStateException(describe() + " is a window operator and needs a keyed input");
        }
        contents = contentsFactory.create(keyedState);
        timerService = timers.getTimerService("window-timers", this);
        MetricGroup metrics = context.metricGroup();
        triggerContext = new WindowTriggerContext(trigger, keyedState, timerService, metrics);
        mergingWindowsState = keyedState.getOrCreateState(new ValueStateDescriptor<>("merging-window-set", (Class<HashMap<Window, Window>>) (Class<?>) HashMap.class));
        windowStateStore = new NamespacedStateStore(keyedState);
        globalStateStore = new NamespacedStateStore(keyedState);
        collector = new TimestampedCollector(output, this);
        numLateRecordsDropped = LateRecordsDropped.register(metrics, context.runtimeContext());
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timerService.currentProcessingTime();
            }
        };
        evictorContext = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timerService.currentProcessingTime();
            }

            @Override
            public MetricGroup getMetricGroup() {
                return metrics;
            }

            @Override
            public long getCurrentWatermark() {
                return timerService.currentWatermark();
            }
        };
        Function user = function.userFunction();
        if (user instanceof RichFunction rich) {
            rich.setRuntimeContext(context.runtimeContext());
            rich.open(OPEN_CONTEXT);
        }
    }

    @Override
    public void close() throws Exception {
        if (function.userFunction() instanceof RichFunction rich) {
            rich.close();
        }
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        Collection<Window> windows = assigner.assignWindows(value, timestamp, assignerContext);
        boolean skipped = true;
        if (assigner instanceof MergingWindowAssigner) {
            MergingWindowSet mergingWindows = mergingWindowSet();
            for (Window window : windows) {
                Window actual = mergingWindows.addWindow(window, this::mergeWindows);
                if (isWindowLate(actual)) {
                    mergingWindows.retireWindow(actual);
                    continue;
                }
                skipped = false;
                Window stateWindow = mergingWindows.getStateWindow(actual);
                if (stateWindow == null) {
                    throw new IllegalStateException("Window " + window + " is not in in-flight window set.");
                }
                addAndTrigger(value, timestamp, actual, stateWindow);
            }
            persist(mergingWindows);
        } else {
            for (Window window : windows) {
                if (isWindowLate(window)) {
                    continue;
                }
                skipped = false;
                addAndTrigger(value, timestamp, window, window);
            }
        }
        if (skipped && isElementLate(timestamp)) {
            if (lateDataOutputTag != null) {
                output.collect(lateDataOutputTag, value, timestamp);
            } else {
                numLateRecordsDropped.inc();
            }
        }
    }

    private void addAndTrigger(Object value, long timestamp, Window window, Window stateWindow) throws Exception {
        contents.setWindow(stateWindow);
        contents.add(evictor == null ? value : timestamped(value, timestamp), timestamp);
        triggerContext.window = window;
        TriggerResult result = triggerContext.onElement(value, timestamp);
        if (result.isFire() && !contents.isEmpty()) {
            emitWindowContents(window);
        }
        if (result.isPurge()) {
            contents.clear();
        }
        registerCleanupTimer(window);
    }

    private static TimestampedValue<Object> timestamped(Object value, long timestamp) {
        return timestamp == Output.NO_TIMESTAMP ? new TimestampedValue<>(value) : new TimestampedValue<>(value, timestamp);
    }

    private void mergeWindows(Window mergeResult, Collection<Window> mergedWindows, Window stateWindowResult,
                              Collection<Window> mergedStateWindows) throws Exception {
        if (assigner.isEventTime() && mergeResult.maxTimestamp() + allowedLateness <= timerService.currentWatermark()) {
            throw new UnsupportedOperationException("The end timestamp of an event-time window cannot become earlier than the current "
                    + "watermark by merging. Current watermark: " + timerService.currentWatermark() + " window: " + mergeResult);
        } else if (!assigner.isEventTime() && mergeResult.maxTimestamp() <= timerService.currentProcessingTime()) {
            throw new UnsupportedOperationException("The end timestamp of a processing-time window cannot become earlier than the current "
                    + "processing time by merging. Current processing time: " + timerService.currentProcessingTime() + " window: " + mergeResult);
        }
        triggerContext.window = mergeResult;
        triggerContext.onMerge(mergedWindows);
        for (Window merged : mergedWindows) {
            triggerContext.window = merged;
            triggerContext.clear();
            deleteCleanupTimer(merged);
        }
        contents.merge(stateWindowResult, mergedStateWindows);
    }

    @Override
    public void onEventTime(InternalTimer<Window> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<Window> timer) throws Exception {
        onTimer(timer, false);
    }

    private void onTimer(InternalTimer<Window> timer, boolean eventTime) throws Exception {
        Window window = timer.getNamespace();
        MergingWindowSet mergingWindows = null;
        if (assigner instanceof MergingWindowAssigner) {
            mergingWindows = mergingWindowSet();
            Window stateWindow = mergingWindows.getStateWindow(window);
            if (stateWindow == null) {
                // A timer of a window already merged away or cleared, left by a trigger that did not delete it.
                return;
            }
            contents.setWindow(stateWindow);
        } else {
            contents.setWindow(window);
        }
        triggerContext.window = window;
        TriggerResult result = eventTime ? triggerContext.onEventTime(timer.getTimestamp()) : triggerContext.onProcessingTime(timer.getTimestamp());
        if (result.isFire() && !contents.isEmpty()) {
            emitWindowContents(window);
        }
        if (result.isPurge()) {
            contents.clear();
        }
        if (assigner.isEventTime() == eventTime && timer.getTimestamp() == cleanupTime(window)) {
            clearAllState(window, mergingWindows);
        }
        if (mergingWindows != null) {
            persist(mergingWindows);
        }
    }

    private void clearAllState(Window window, MergingWindowSet mergingWindows) throws Exception {
        contents.clear();
        triggerContext.window = window;
        triggerContext.clear();
        firingWindow = window;
        windowStateStore.namespace = window;
        function.clear(window, this);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
        }
    }

    private void emitWindowContents(Window window) throws Exception {
        collector.setTimestamp(window.maxTimestamp());
        firingWindow = window;
        windowStateStore.namespace = window;
        Object key = keyedState.getCurrentKey();
        if (evictor == null) {
            function.process(key, window, this, contents.get(), collector);
            return;
        }
        ListContents list = (ListContents) contents;
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<TimestampedValue<Object>> elements = (List) list.list();
        evictor.evictBefore(elements, elements.size(), window, evictorContext);
        function.process(key, window, this, values.of(elements), collector);
        evictor.evictAfter(elements, elements.size(), window, evictorContext);
        list.replace((List) elements);
    }

    private MergingWindowSet mergingWindowSet() throws Exception {
        HashMap<Window, Window> mapping = mergingWindowsState.value();
        @SuppressWarnings("unchecked")
        MergingWindowAssigner<Object, Window> merging = (MergingWindowAssigner<Object, Window>) (MergingWindowAssigner<?, ?>) assigner;
        return new MergingWindowSet(merging, mapping == null ? new HashMap<>() : mapping);
    }

    private void persist(MergingWindowSet set) throws Exception {
        mergingWindowsState.update(set.mapping().isEmpty() ? null : set.mapping());
    }

    /** Whether the watermark passed the window's cleanup time: then it takes no more elements. */
    private boolean isWindowLate(Window window) {
        return assigner.isEventTime() && cleanupTime(window) <= timerService.currentWatermark();
    }

    private boolean isElementLate(long timestamp) {
        return assigner.isEventTime() && timestamp + allowedLateness <= timerService.currentWatermark();
    }

    private long cleanupTime(Window window) {
        if (assigner.isEventTime()) {
            long cleanupTime = window.maxTimestamp() + allowedLateness;
            return cleanupTime >= window.maxTimestamp() ? cleanupTime : Long.MAX_VALUE;
        }
        return window.maxTimestamp();
    }

    private void registerCleanupTimer(Window window) {
        long cleanupTime = cleanupTime(window);
        if (cleanupTime == Long.MAX_VALUE) {
            // The end of input fires no timer past Long.MAX_VALUE - 1: such a window is never cleaned, as in Flink.
            return;
        }
        if (assigner.isEventTime()) {
            timerService.registerEventTimeTimer(window, cleanupTime);
        } else {
            timerService.registerProcessingTimeTimer(window, cleanupTime);
        }
    }

    private void deleteCleanupTimer(Window window) {
        long cleanupTime = cleanupTime(window);
        if (cleanupTime == Long.MAX_VALUE) {
            return;
        }
        if (assigner.isEventTime()) {
            timerService.deleteEventTimeTimer(window, cleanupTime);
        } else {
            timerService.deleteProcessingTimeTimer(window, cleanupTime);
        }
    }

    // WindowFunctionContext: what the window function sees of the window being fired.

    @Override
    public Window window() {
        return firingWindow;
    }

    @Override
    public long currentProcessingTime() {
        return timerService.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timerService.currentWatermark();
    }

    @Override
    public KeyedStateStore windowState() {
        windowStateStore.namespace = firingWindow;
        return windowStateStore;
    }

    @Override
    public KeyedStateStore globalState() {
        globalStateStore.namespace = VoidNamespace.INSTANCE;
        return globalStateStore;
    }

    @Override
    public void output(OutputTag<?> tag, Object value) {
        if (tag == null) {
            throw new NullPointerException(describe() + " emitted to a null OutputTag: pass the tag you read with getSideOutput(tag)");
        }
        if (value == null) {
            throw new NullPointerException(describe() + " emitted null to side output '" + tag.getId() + "': records must not be null");
        }
        output.collect(tag, value, firingWindow.maxTimestamp());
    }
}
