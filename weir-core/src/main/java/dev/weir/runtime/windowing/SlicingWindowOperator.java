package dev.weir.runtime.windowing;

import dev.weir.api.functions.Function;
import dev.weir.api.functions.OpenContext;
import dev.weir.api.functions.OutputTag;
import dev.weir.api.functions.RichFunction;
import dev.weir.api.metrics.Counter;
import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.windowing.windows.TimeWindow;
import dev.weir.api.windowing.windows.Window;
import dev.weir.runtime.operators.AbstractStreamOperator;
import dev.weir.runtime.operators.OneInputOperator;
import dev.weir.runtime.operators.TimestampedCollector;
import dev.weir.runtime.state.VoidNamespace;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.InternalTimerService;
import dev.weir.runtime.time.Triggerable;

/**
 * Tumbling and sliding event-time windows with the default trigger, no evictor and no allowed lateness, computed by
 * slicing: time is cut into slices of {@code gcd(size, slide)}, each key keeps one partial aggregate per slice
 * ({@link KeySlices}) — or, for window functions without pre-aggregation, the slice's elements, each stored once
 * ({@link SliceBuffer}) — and a firing window combines its {@code size / gcd} slices. An element costs one lookup and
 * one call of the user's function (or one append) whatever {@code size / slide} is.
 *
 * <p>Results equal the generic {@link WindowOperator}'s: the same windows fire with the same timestamps
 * ({@code window.maxTimestamp()}), late elements are dropped (counted in {@code numLateRecordsDropped}) or side-output
 * under the same rule. Slices are combined in time order rather than arrival order, so the function must not depend
 * on the order of its inputs (as windowed pre-aggregation assumes), and must not modify its inputs.
 */
public final class SlicingWindowOperator extends AbstractStreamOperator implements OneInputOperator, Triggerable<VoidNamespace>,
        WindowFunctionContext {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final OutputTag<?> lateDataOutputTag;
    private final SliceFunction sliceFunction;
    private final InternalWindowFunction function;
    private final OneElement input = new OneElement();

    private ValueState<KeySlices> slicesState;
    private InternalTimerService<VoidNamespace> timerService;
    private TimestampedCollector collector;
    private Counter numLateRecordsDropped;
    private NamespacedStateStore windowStateStore;
    private NamespacedStateStore globalStateStore;
    private TimeWindow firingWindow;

    SlicingWindowOperator(long size, long slide, long offset, OutputTag<?> lateDataOutputTag, SliceFunction sliceFunction,
                          InternalWindowFunction function) {
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.sliceSize = gcd(size, slide);
        this.lateDataOutputTag = lateDataOutputTag;
        this.sliceFunction = sliceFunction;
        this.function = function;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public void open() throws Exception {
        if (keyedState == null) {
            throw new IllegalStateException(describe() + " is a window operator and needs a keyed input");
        }
        slicesState = keyedState.getOrCreateState(new ValueStateDescriptor<>("window-slices", KeySlices.class));
        timerService = timers.getTimerService("window-timers", this);
        collector = new TimestampedCollector(output, this);
        numLateRecordsDropped = LateRecordsDropped.register(context.metricGroup(), context.runtimeContext());
        windowStateStore = new NamespacedStateStore(keyedState);
        globalStateStore = new NamespacedStateStore(keyedState);
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
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker): " + describe()
                    + " needs timestamps; call assignTimestampsAndWatermarks(...) before the window");
        }
        long watermark = timerService.currentWatermark();
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        if (lastStart + size - 1 <= watermark) {
            // Every window of the element has fired: the element is late (allowed lateness is zero here).
            if (lateDataOutputTag != null) {
                output.collect(lateDataOutputTag, value, timestamp);
            } else {
                numLateRecordsDropped.inc();
            }
            return;
        }
        long firstStart = lastStart - ((lastStart - (timestamp - size + 1)) / slide) * slide;
        long firstEnd = firstStart + size - 1;
        if (firstEnd <= watermark) {
            // Skip the windows of the element that have already fired: they are late for it.
            firstStart += ceilDiv(watermark - firstEnd + 1, slide) * slide;
        }
        KeySlices slices = slicesState.value();
        if (slices == null) {
            slices = new KeySlices();
            slicesState.update(slices);
        }
        int slot = slices.slot(TimeWindow.getWindowStartWithOffset(timestamp, offset, sliceSize));
        slices.setPartial(slot, sliceFunction.add(slices.partial(slot), value));
        long fireAt = firstStart + size - 1;
        if (fireAt < slices.nextFire) {
            slices.nextFire = fireAt;
            timerService.registerEventTimeTimer(VoidNamespace.INSTANCE, fireAt);
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
        KeySlices slices = slicesState.value();
        if (slices == null) {
            return;
        }
        long end = timer.getTimestamp() + 1;
        long start = end - size;
        Object combined = null;
        int count = 0;
        for (int i = slices.head(), n = slices.tail(); i < n && slices.start(i) < end; i++) {
            if (slices.start(i) >= start && slices.partial(i) != null) {
                combined = count == 0 ? slices.partial(i) : count == 1 ? sliceFunction.combine(sliceFunction.startMany(combined), slices.partial(i))
                        : sliceFunction.combine(combined, slices.partial(i));
                count++;
            }
        }
        if (count > 0) {
            emit(start, end, sliceFunction.result(combined, count == 1));
        }
        long nextStart = start + slide;
        slices.dropBefore(nextStart);
        if (slices.isEmpty()) {
            slicesState.clear();
            return;
        }
        long first = slices.firstStart();
        long windowStart = first < nextStart + size ? nextStart : nextStart + ceilDiv(first - size + 1 - nextStart, slide) * slide;
        slices.nextFire = windowStart + size - 1;
        timerService.registerEventTimeTimer(VoidNamespace.INSTANCE, slices.nextFire);
    }

    @SuppressWarnings("unchecked")
    private void emit(long start, long end, Object result) throws Exception {
        TimeWindow window = new TimeWindow(start, end);
        firingWindow = window;
        collector.setTimestamp(window.maxTimestamp());
        Iterable<Object> elements = sliceFunction.resultIsElements() ? (Iterable<Object>) result : input.of(result);
        function.process(keyedState.getCurrentKey(), window, this, elements, collector);
        function.clear(window, this);
    }

    @Override
    public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
    }

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
        return globalStateStore;
    }

    @Override
    public void output(OutputTag<?> tag, Object value) {
        if (tag == null || value == null) {
            throw new NullPointerException(describe() + " emitted " + (tag == null ? "to a null OutputTag" : "null to side output '" + tag.getId() + "'")
                    + ": pass the tag you read with getSideOutput(tag) and a non-null record");
        }
        output.collect(tag, value, firingWindow.maxTimestamp());
    }
}
