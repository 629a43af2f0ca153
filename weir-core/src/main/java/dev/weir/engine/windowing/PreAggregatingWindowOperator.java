package dev.weir.engine.windowing;

import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFunction;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.engine.operators.AbstractStreamOperator;
import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.TimestampedCollector;
import dev.weir.metrics.Counter;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.util.OutputTag;

/**
 * What the window operators that keep their own keyed structures (the slicing and the in-place session operator)
 * share: the window function's lifecycle and the context it sees of the window firing now, the collector that
 * stamps results with the window's max timestamp, and the rule for late elements (side output or the
 * {@code numLateRecordsDropped} counter).
 */
abstract class PreAggregatingWindowOperator extends AbstractStreamOperator implements OneInputOperator, WindowFunctionContext {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    protected final InternalWindowFunction function;
    private final OutputTag<?> lateDataOutputTag;
    protected TimestampedCollector collector;
    /** The window whose result is being computed, for the window function's context. */
    protected TimeWindow firingWindow;
    private Counter numLateRecordsDropped;
    private NamespacedStateStore windowStateStore;
    private NamespacedStateStore globalStateStore;

    PreAggregatingWindowOperator(OutputTag<?> lateDataOutputTag, InternalWindowFunction function) {
        this.lateDataOutputTag = lateDataOutputTag;
        this.function = function;
    }

    /** Fails without keyed input; opens the collector, the late-record counter and the window function. */
    @Override
    public void open() throws Exception {
        if (keyedState == null) {
            throw new IllegalStateException(describe() + " is a window operator and needs a keyed input");
        }
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

    /** A late element goes to the late-data side output if there is one, else it is counted as dropped. */
    protected final void dropLate(Object value, long timestamp) {
        if (lateDataOutputTag != null) {
            output.collect(lateDataOutputTag, value, timestamp);
        } else {
            numLateRecordsDropped.inc();
        }
    }

    @Override
    public Window window() {
        return firingWindow;
    }

    @Override
    public long currentProcessingTime() {
        return context.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
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
