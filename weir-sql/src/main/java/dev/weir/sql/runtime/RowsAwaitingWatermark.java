package dev.weir.sql.runtime;

import dev.weir.api.common.functions.RuntimeContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.TimerService;
import dev.weir.types.Row;

/**
 * The rows of a key waiting in keyed state for the watermark to pass their event time, per time in arrival order
 * ({@link RowsPerTime}), as Flink's event-time OVER aggregate and temporal sort keep them: a row at or before a time
 * already taken is late and dropped, as Flink drops it. Checkpoints hold the rows with the rest of the keyed state.
 */
public final class RowsAwaitingWatermark {
    private final RowsPerTime pending;
    private final ValueState<Long> lastTakenTime;

    /** Opens the state named {@code prefix-pending} and {@code prefix-last-emitted} of the function's current key. */
    public RowsAwaitingWatermark(RuntimeContext context, String prefix) {
        pending = new RowsPerTime(context, prefix + "-pending");
        lastTakenTime = context.getState(new ValueStateDescriptor<>(prefix + "-last-emitted", Long.class));
    }

    /**
     * Keeps {@code row} until its time (column {@code rowtimeIndex}) is taken, with an event-time timer for it; a row
     * without a time or a late one is dropped.
     */
    public void add(Row row, int rowtimeIndex, TimerService timers) throws Exception {
        Object time = row.getField(rowtimeIndex);
        if (time == null) {
            return;
        }
        long t = (Long) time;
        Long last = lastTakenTime.value();
        if (last != null && t <= last) {
            return;
        }
        if (pending.append(t, row)) {
            timers.registerEventTimeTimer(t);
        }
    }

    /** The rows of {@code time} in arrival order, removed, with every row up to {@code time} late from now on; null if none. */
    public Row[] take(long time) throws Exception {
        Row[] due = pending.take(time);
        if (due != null) {
            lastTakenTime.update(time);
        }
        return due;
    }
}
