package dev.weir.engine.operators;

import dev.weir.engine.state.KeyedStateBackend;
import dev.weir.engine.time.KeyedTimerServices;

/**
 * The plumbing every operator shares: it keeps the context and output, fires event-time timers before forwarding
 * a watermark, and forwards idleness. Subclasses override the small hooks they need.
 */
public abstract class AbstractStreamOperator implements StreamOperator {
    protected OperatorContext context;
    protected Output output;
    protected KeyedStateBackend keyedState;
    protected KeyedTimerServices timers;
    protected long currentWatermark = Long.MIN_VALUE;

    @Override
    public void setup(OperatorContext context, Output output) {
        this.context = context;
        this.output = output;
        this.keyedState = context.keyedStateBackend();
        this.timers = context.timerServices();
    }

    @Override
    public void open() throws Exception {
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        if (timers != null) {
            timers.advanceWatermark(watermark);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void processIdleness(boolean idle) throws Exception {
        output.emitIdleness(idle);
    }

    @Override
    public void endInput() throws Exception {
    }

    @Override
    public void close() throws Exception {
    }

    @Override
    public boolean isCooperative() {
        return true;
    }

    @Override
    public String describe() {
        return context == null ? getClass().getSimpleName() : context.describe();
    }
}
