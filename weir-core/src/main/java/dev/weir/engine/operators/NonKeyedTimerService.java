package dev.weir.engine.operators;

import dev.weir.streaming.api.TimerService;

/** The timer service of a non-keyed process function: tells time, refuses timers with Flink's message. */
final class NonKeyedTimerService implements TimerService {
    private final AbstractStreamOperator operator;

    NonKeyedTimerService(AbstractStreamOperator operator) {
        this.operator = operator;
    }

    @Override
    public long currentProcessingTime() {
        return operator.context.processingTimeService().getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return operator.currentWatermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw refused(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw refused(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw refused(UNSUPPORTED_DELETE_TIMER_MSG);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw refused(UNSUPPORTED_DELETE_TIMER_MSG);
    }

    private UnsupportedOperationException refused(String flinkMessage) {
        return new UnsupportedOperationException(flinkMessage + " " + operator.describe()
                + " is not keyed: call keyBy(...) before process(...) to use timers");
    }
}
