package dev.weir.engine.operators;

import dev.weir.streaming.api.TimerService;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.InternalTimerService;

/** The timer service of a keyed process function: timers for the current key, in the void namespace. */
final class KeyedTimerService implements TimerService {
    private final AbstractStreamOperator operator;
    private final InternalTimerService<VoidNamespace> timers;
    private final String missingEventTimeSource;

    /** {@code missingEventTimeSource} names the source whose stream lacks watermarks, or is null. */
    KeyedTimerService(AbstractStreamOperator operator, InternalTimerService<VoidNamespace> timers, String missingEventTimeSource) {
        this.operator = operator;
        this.timers = timers;
        this.missingEventTimeSource = missingEventTimeSource;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        if (missingEventTimeSource != null) {
            throw new IllegalStateException(operator.describe() + " registered an event-time timer, but its input from source '"
                    + missingEventTimeSource + "' has no timestamps and watermarks, so the timer would not fire until the input ends. "
                    + "Call assignTimestampsAndWatermarks(...) before keyBy(...), or use registerProcessingTimeTimer");
        }
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
