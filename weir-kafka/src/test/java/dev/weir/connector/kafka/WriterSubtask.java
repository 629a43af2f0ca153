package dev.weir.connector.kafka;

import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.metrics.MetricGroup;
import java.util.OptionalLong;

/** A sink writer's view of its subtask, for tests that create writers outside a job. */
public record WriterSubtask(int index, int parallelism, long restoredCheckpointId) implements WriterInitContext {
    @Override
    public OptionalLong getRestoredCheckpointId() {
        return OptionalLong.of(restoredCheckpointId);
    }

    @Override
    public int getSubtaskId() {
        return index;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public int getAttemptNumber() {
        return 0;
    }

    @Override
    public MetricGroup metricGroup() {
        throw new UnsupportedOperationException("the Kafka sink's writer registers no metrics");
    }
}
