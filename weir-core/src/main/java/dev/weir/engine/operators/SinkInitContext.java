package dev.weir.engine.operators;

import dev.weir.api.common.operators.ProcessingTimeService;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.metrics.MetricGroup;
import java.util.OptionalLong;

/** What a sink writer learns about its subtask, read from the operator's context. */
final class SinkInitContext implements WriterInitContext {
    private final OperatorContext context;
    private final OptionalLong restoredCheckpointId;

    SinkInitContext(OperatorContext context, OptionalLong restoredCheckpointId) {
        this.context = context;
        this.restoredCheckpointId = restoredCheckpointId;
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return restoredCheckpointId;
    }

    @Override
    public int getSubtaskId() {
        return context.subtaskIndex();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return context.parallelism();
    }

    @Override
    public int getAttemptNumber() {
        return context.attemptNumber();
    }

    @Override
    public MetricGroup metricGroup() {
        return context.metricGroup();
    }

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return new ProcessingTimeService() {
            @Override
            public long getCurrentProcessingTime() {
                return context.processingTimeService().getCurrentProcessingTime();
            }

            @Override
            public void registerTimer(long timestamp, ProcessingTimeCallback target) {
                context.processingTimeService().registerTimer(timestamp, target::onProcessingTime);
            }
        };
    }
}
