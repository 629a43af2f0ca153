package dev.weir.engine.operators;

import dev.weir.api.common.functions.Function;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.Triggerable;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.util.OutputTag;

/**
 * The plumbing the six process operators (keyed and non-keyed, one and two inputs, broadcast) share behind their
 * functions' contexts: the timestamp of the element or timer being processed, the collector that stamps output with
 * it, side outputs, the current key, the user's timer service, and the firing of timers. Each operator keeps only
 * its function's context classes (Flink gives every function type its own) and the calls into the function.
 */
abstract class ProcessContextOperator<F extends Function> extends UdfOperator<F> {
    /** Stamps the function's output with the timestamp of the element or event-time timer it came from. */
    protected TimestampedCollector collector;
    private long elementTimestamp;
    private TimeDomain timeDomain;

    ProcessContextOperator(F function) {
        super(function);
    }

    /** Opens the function, then makes the collector; subclasses make their contexts after this. */
    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector(output, this);
    }

    /** Called before the function sees an element: its timestamp is what the contexts report and output carries. */
    protected final void enterElement(long timestamp) {
        elementTimestamp = timestamp;
        collector.setTimestamp(timestamp);
    }

    /** The timestamp a context reports: the element's or timer's, or null for an element without one. */
    protected final Long timestampOrNull() {
        return elementTimestamp == Output.NO_TIMESTAMP ? null : elementTimestamp;
    }

    /** Emits to a side output with the current element's or timer's timestamp. */
    protected final <X> void sideOutput(OutputTag<X> outputTag, X value) {
        SideOutputs.emit(output, outputTag, value, elementTimestamp, this);
    }

    /** The key of the element or timer being processed, for a keyed context's {@code getCurrentKey()}. */
    protected final Object currentKey() {
        return keyedState.getCurrentKey();
    }

    /** The time domain of the timer firing now, for an {@code OnTimerContext}. */
    protected final TimeDomain timeDomain() {
        return timeDomain;
    }

    /** The timer service of a keyed operator, firing into {@link #onTimer}; it refuses event-time timers without watermarks. */
    protected final TimerService keyedTimerService(Triggerable<VoidNamespace> target, String missingEventTimeSource) {
        return new KeyedTimerService(this, timers.getTimerService("user-timers", target), missingEventTimeSource);
    }

    /** An event-time timer fires: its output carries the timer's time. */
    public final void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
        elementTimestamp = timer.getTimestamp();
        collector.setTimestamp(elementTimestamp);
        timeDomain = TimeDomain.EVENT_TIME;
        onTimer(elementTimestamp);
    }

    /** A processing-time timer fires. As in Flink, its output carries no timestamp, but the context reports its time. */
    public final void onProcessingTime(InternalTimer<VoidNamespace> timer) throws Exception {
        elementTimestamp = timer.getTimestamp();
        collector.eraseTimestamp();
        timeDomain = TimeDomain.PROCESSING_TIME;
        onTimer(elementTimestamp);
    }

    /** Calls the function's {@code onTimer}; only operators that register timers (the keyed ones) override it. */
    protected void onTimer(long timestamp) throws Exception {
        throw new IllegalStateException(describe() + " has no timers, but a timer fired at " + timestamp);
    }
}
